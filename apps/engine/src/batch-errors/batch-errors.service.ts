import type { DataSource } from 'typeorm';
import type { BatchErrorRow, BatchErrorTypeSummary, Page } from '@wiztc/contracts';
import type { BatchErrorRowsQueryDto, BatchErrorTypesQueryDto } from './dto/batch-errors.query.dto';

/** The Batch Errors screen: error types with counts, and one type's rows. */
export class BatchErrorsService {
  constructor(private readonly ds: DataSource) {}

  async types(tenantId: string, q: BatchErrorTypesQueryDto): Promise<BatchErrorTypeSummary[]> {
    const { filter, params } = jobFilter(tenantId, q.jobId);
    const rows = (await this.ds.query(
      `SELECT b.type, count(*)::int AS count, max(b.created_at) AS last, (array_agg(b.reason ORDER BY b.created_at DESC))[1] AS sample
         FROM batch_error b JOIN job j ON j.id = b.job_id
        WHERE ${filter} GROUP BY b.type ORDER BY count(*) DESC, b.type`,
      params,
    )) as { type: string; count: number; last: Date; sample: string }[];
    return rows.map((r) => ({
      type: r.type,
      count: r.count,
      lastSeenAt: new Date(r.last).toISOString(),
      sampleReason: r.sample,
    }));
  }

  async rows(tenantId: string, type: string, q: BatchErrorRowsQueryDto): Promise<Page<BatchErrorRow>> {
    const { filter, params } = jobFilter(tenantId, q.jobId);
    params.push(type);
    let where = `${filter} AND b.type = $${params.length}`;
    if (q.reason) {
      params.push(`%${q.reason.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where += ` AND (b.reason ILIKE $${params.length} OR b.message ILIKE $${params.length})`;
    }
    const [{ total }] = (await this.ds.query(
      `SELECT count(*)::int AS total FROM batch_error b JOIN job j ON j.id = b.job_id WHERE ${where}`,
      params,
    )) as [{ total: number }];
    const rows = (await this.ds.query(
      `SELECT b.id, b.job_id, j.number, b.stage, b.type, b.reason, b.message, b.vulnerability_name, b.finding_id, b.created_at
         FROM batch_error b JOIN job j ON j.id = b.job_id
        WHERE ${where} ORDER BY b.created_at DESC, b.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    )) as {
      id: string;
      job_id: string;
      stage: BatchErrorRow['stage'];
      type: string;
      reason: string;
      message: string | null;
      vulnerability_name: string | null;
      finding_id: string | null;
      created_at: Date;
    }[];
    return {
      items: rows.map((r) => ({
        id: r.id,
        jobId: r.job_id,
        stage: r.stage,
        type: r.type,
        reason: r.reason,
        message: r.message,
        vulnerabilityName: r.vulnerability_name,
        findingId: r.finding_id,
        createdAt: new Date(r.created_at).toISOString(),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}

function jobFilter(tenantId: string, jobId: string | undefined): { filter: string; params: unknown[] } {
  const params: unknown[] = [tenantId];
  let filter = 'b.tenant_id = $1';
  if (jobId) {
    params.push(`%${jobId.toLowerCase()}%`);
    filter += ` AND (j.number::text LIKE $2 OR j.id::text LIKE $2)`;
  }
  return { filter, params };
}

import type { DataSource } from 'typeorm';
import type { DashboardSummary, JobStatus } from '@wiztc/contracts';

/**
 * The Dashboard. "Vulnerability findings retrieved" counts, over the life of the tenant, every vulnerability (CVE or
 * other id) and every asset of a vulnerability wiztc received: distinct vulnerabilities + distinct
 * (vulnerability, asset) pairs, resolved ones included.
 */
export class DashboardService {
  constructor(private readonly ds: DataSource) {}

  async summary(tenantId: string): Promise<DashboardSummary> {
    const [f] = (await this.ds.query(
      `SELECT count(DISTINCT vulnerability_name)::int AS vulnerabilities,
              count(DISTINCT (vulnerability_name, coalesce(asset_id, finding_id)))::int AS pairs,
              count(DISTINCT asset_id)::int AS assets
         FROM finding WHERE tenant_id = $1`,
      [tenantId],
    )) as [{ vulnerabilities: number; pairs: number; assets: number }];
    const severities = (await this.ds.query(
      `SELECT severity, count(*)::int AS n FROM vulnerability_sync WHERE tenant_id = $1 AND open_findings > 0 GROUP BY severity`,
      [tenantId],
    )) as { severity: string | null; n: number }[];
    const [s] = (await this.ds.query(
      `SELECT count(*) FILTER (WHERE exploited)::int AS exploited, count(*) FILTER (WHERE kev)::int AS kev,
              count(*) FILTER (WHERE case_id IS NOT NULL AND open_findings > 0)::int AS open_cases
         FROM vulnerability_sync WHERE tenant_id = $1`,
      [tenantId],
    )) as [{ exploited: number; kev: number; open_cases: number }];
    const jobs = (await this.ds.query(
      `SELECT status, count(*)::int AS n FROM job WHERE tenant_id = $1 GROUP BY status`,
      [tenantId],
    )) as { status: JobStatus; n: number }[];
    const [last] = (await this.ds.query(
      `SELECT max(completed_at) AS at FROM job WHERE tenant_id = $1 AND status = 'completed'`,
      [tenantId],
    )) as [{ at: Date | null }];
    const bySeverity = { Critical: 0, High: 0, Medium: 0, Low: 0 };
    for (const row of severities) {
      if (row.severity && row.severity in bySeverity)
        bySeverity[row.severity as keyof typeof bySeverity] = row.n;
    }
    const jobCounts: Record<JobStatus, number> = {
      pending: 0,
      running: 0,
      paused: 0,
      completed: 0,
      failed: 0,
    };
    for (const row of jobs) jobCounts[row.status] = row.n;
    return {
      findingsRetrieved: f.vulnerabilities + f.pairs,
      vulnerabilities: f.vulnerabilities,
      assets: f.assets,
      bySeverity,
      exploited: s.exploited,
      kev: s.kev,
      openCases: s.open_cases,
      jobs: jobCounts,
      lastCompletedJobAt: last.at ? new Date(last.at).toISOString() : null,
    };
  }
}

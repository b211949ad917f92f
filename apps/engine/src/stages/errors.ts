import type { EntityManager } from 'typeorm';
import type { StageName } from '@wiztc/contracts';
import { BatchError } from '../batch-errors/batch-error.entity';

export interface ErrorRow {
  type: string;
  reason: string;
  message?: string | null;
  vulnerabilityName?: string | null;
  findingId?: string | null;
}

/** Stores error rows of a stage in the caller's transaction (so they are written exactly once with the checkpoint). */
export async function recordErrors(
  em: EntityManager,
  tenantId: string,
  jobId: string,
  stage: StageName,
  rows: readonly ErrorRow[],
): Promise<void> {
  if (rows.length === 0) return;
  for (let i = 0; i < rows.length; i += 1000) {
    await em.insert(
      BatchError,
      rows.slice(i, i + 1000).map((r) => ({
        tenantId,
        jobId,
        stage,
        type: r.type,
        reason: r.reason,
        message: r.message ?? null,
        vulnerabilityName: r.vulnerabilityName ?? null,
        findingId: r.findingId ?? null,
      })),
    );
  }
}

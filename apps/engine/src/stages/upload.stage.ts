import type { TcBatchGroup } from '@wiztc/tc-client/model';
import type { JobFile } from '../jobs/job-file.entity';
import { recordErrors, type ErrorRow } from './errors';
import { countOf, type Stage, type StageContext } from './stage';

interface UploadCheckpoint {
  nextPart: number;
  partsDone: number;
  jobs: number;
  httpCalls: number;
  groupsSucceeded: number;
  groupsFailed: number;
  indicatorsSucceeded: number;
  indicatorsFailed: number;
  errors: number;
}

/**
 * Sends the `batch` parts through the v2 Batch API into the tenant's Source, one part at a time (the client chunks
 * further by item count and bytes). A part is the unit of resumption: re-sending it is safe because batch upserts
 * groups by xid. A group's hash is promoted to "uploaded" only when no batch error names it.
 */
export class UploadStage implements Stage {
  readonly name = 'upload' as const;

  async run(ctx: StageContext): Promise<void> {
    const state: UploadCheckpoint = (ctx.stage.checkpoint as UploadCheckpoint | null) ?? {
      nextPart: 0,
      partsDone: 0,
      jobs: 0,
      httpCalls: 0,
      groupsSucceeded: 0,
      groupsFailed: 0,
      indicatorsSucceeded: 0,
      indicatorsFailed: 0,
      errors: 0,
    };
    const parts = await ctx.query<Pick<JobFile, 'path' | 'part'>>(
      `SELECT path, part FROM job_file WHERE job_id = $1 AND kind = 'batch' AND part >= $2 ORDER BY part`,
      [ctx.job.id, state.nextPart],
    );
    const total = await countOf(
      ctx,
      `SELECT count(*)::int AS total FROM job_file WHERE job_id = $1 AND kind = 'batch'`,
    );

    for (const part of parts) {
      const groups = await ctx.files.readPart<TcBatchGroup>(part);
      await ctx.heartbeat();
      const result = await ctx.tc().submitBatch({
        owner: ctx.tenant.sourceName,
        data: { group: groups },
        settings: {
          action: 'Create',
          attributeWriteType: 'Replace',
          tagWriteType: 'Replace',
          haltOnError: false,
        },
        maxItemsPerJob: ctx.settings.batchMaxItems,
        maxBytesPerJob: ctx.settings.batchMaxBytes,
        pollIntervalMs: ctx.settings.batchPollIntervalMs,
        signal: ctx.signal,
      });
      const errors: ErrorRow[] = result.errors.map((e) => ({
        type: e.errorCode || 'BATCH_ERROR',
        reason: e.errorReason || 'Batch item rejected',
        message: e.errorMessage ?? null,
        vulnerabilityName: namedGroup(groups, `${e.errorReason ?? ''} ${e.errorMessage ?? ''}`)?.name ?? null,
      }));
      const failed = new Set(errors.map((e) => e.vulnerabilityName).filter((n): n is string => !!n));
      const anonymousFailures = errors.some((e) => !e.vulnerabilityName);
      const succeeded = anonymousFailures ? [] : groups.filter((g) => !failed.has(g.name)).map((g) => g.name);
      for (const job of result.jobs) {
        state.groupsSucceeded += job.successGroupCount ?? 0;
        state.groupsFailed += job.errorGroupCount ?? 0;
        state.indicatorsSucceeded += job.successIndicatorCount ?? 0;
        state.indicatorsFailed += job.errorIndicatorCount ?? 0;
      }
      state.jobs += result.jobs.length;
      state.httpCalls += result.httpCalls;
      state.errors += errors.length;
      state.nextPart = part.part + 1;
      state.partsDone += 1;
      await ctx.commit(
        async (em) => {
          await recordErrors(em, ctx.tenant.id, ctx.job.id, 'upload', errors);
          await ctx.files.writePart(
            em,
            { tenantId: ctx.tenant.id, jobId: ctx.job.id },
            'upload-results',
            part.part,
            [{ part: part.part, jobs: result.jobs, errors: result.errors }],
          );
          if (succeeded.length > 0) {
            await em.query(
              `UPDATE vulnerability_sync SET group_hash = pending_group_hash, updated_at = now()
                WHERE tenant_id = $1 AND vulnerability_name = ANY($2::text[])`,
              [ctx.tenant.id, succeeded],
            );
          }
        },
        {
          checkpoint: { ...state },
          counts: {
            batchJobs: state.jobs,
            batchHttpCalls: state.httpCalls,
            groupsSucceeded: state.groupsSucceeded,
            groupsFailed: state.groupsFailed,
            indicatorsSucceeded: state.indicatorsSucceeded,
            indicatorsFailed: state.indicatorsFailed,
            uploadErrors: state.errors,
          },
          progress: { done: state.partsDone, total },
        },
      );
    }
  }
}

/** ThreatConnect batch errors name the item in their text; find the group it speaks of, if any. */
function namedGroup(groups: readonly TcBatchGroup[], text: string): TcBatchGroup | undefined {
  return groups.find((g) => text.includes(g.xid)) ?? groups.find((g) => text.includes(g.name));
}

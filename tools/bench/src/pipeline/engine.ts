// The one place the benchmark reaches into the engine (eslint.config.mjs allows these relative imports for
// tools/bench only): the pipeline runs without Nest, exactly as the engine's own pipeline tests drive it.
export { JobFilesService } from '../../../../apps/engine/src/jobs/job-files.service';
export { JobQueue } from '../../../../apps/engine/src/jobs/job-queue';
export {
  PipelineService,
  type StageHooks,
  type TenantRuntime,
} from '../../../../apps/engine/src/jobs/pipeline.service';
export { DownloadStage } from '../../../../apps/engine/src/stages/download.stage';
export {
  DEFAULT_PIPELINE_SETTINGS,
  type PipelineSettings,
  type PipelineTenant,
  type Stage,
} from '../../../../apps/engine/src/stages/stage';
export { buildDataSourceOptions } from '../../../../apps/engine/src/database/data-source-options';
export { runPendingMigrations } from '../../../../apps/engine/src/database/migrations';

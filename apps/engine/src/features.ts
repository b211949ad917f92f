import type { ModuleMetadata } from '@nestjs/common';
import { PipelineModule } from './jobs/pipeline.module';

/**
 * Feature modules of the job pipeline (jobs, stages, scheduler, tasks, batch errors, dashboard…).
 * The platform (config, database, auth, tenants, health) is wired in app.module.ts; add features here.
 */
export const FEATURE_MODULES: NonNullable<ModuleMetadata['imports']> = [PipelineModule];

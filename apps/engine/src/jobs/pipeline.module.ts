import * as path from 'node:path';
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { BatchErrorsController } from '../batch-errors/batch-errors.controller';
import { BatchErrorsService } from '../batch-errors/batch-errors.service';
import { DashboardController } from '../dashboard/dashboard.controller';
import { DashboardService } from '../dashboard/dashboard.service';
import { TasksController } from '../tasks/tasks.controller';
import { JobsController } from './jobs.controller';
import { appConfig, schedulerConfig, wizConfig, type ConfigType } from '../config';
import { preflightCheck } from '../integrations/preflight';
import { tenantRuntime } from '../integrations/tenant-clients';
import { SchedulerService } from '../scheduler/scheduler.service';
import { DEFAULT_PIPELINE_SETTINGS } from '../stages/stage';
import { CleanerService } from '../tasks/cleaner.service';
import { MonitorService } from '../tasks/monitor.service';
import { TasksService } from '../tasks/tasks.service';
import { TenantsModule } from '../tenants/tenants.module';
import { TenantsService } from '../tenants/tenants.service';
import { CLOCK, systemClock, type Clock } from './clock';
import { EngineLoop } from './engine-loop';
import { JOB_FILES_DIR, JobFilesService } from './job-files.service';
import { JobQueue } from './job-queue';
import { JobRunner } from './job-runner';
import { JobsService } from './jobs.service';
import { defaultStages, PipelineService } from './pipeline.service';

export const RUNNER_OPTIONS = Symbol('RUNNER_OPTIONS');
/** Whether the live preflight check (Wiz token, ThreatConnect owners and attribute types) guards saves and jobs. */
export const PREFLIGHT_OPTIONS = Symbol('PREFLIGHT_OPTIONS');

/** The job pipeline and the tasks that drive it: queue, runner, stages, scheduler, monitor, cleaner. */
@Module({
  imports: [ScheduleModule.forRoot(), TenantsModule],
  controllers: [JobsController, TasksController, BatchErrorsController, DashboardController],
  providers: [
    {
      provide: BatchErrorsService,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new BatchErrorsService(ds),
    },
    {
      provide: DashboardService,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new DashboardService(ds),
    },
    { provide: CLOCK, useValue: systemClock },
    {
      provide: JOB_FILES_DIR,
      inject: [appConfig.KEY],
      useFactory: (app: ConfigType<typeof appConfig>) => app.dataDir,
    },
    {
      provide: JobFilesService,
      inject: [JOB_FILES_DIR],
      useFactory: (dir: string) => new JobFilesService(path.resolve(dir)),
    },
    {
      provide: JobQueue,
      inject: [DataSource, CLOCK],
      useFactory: (ds: DataSource, now: Clock) => new JobQueue(ds, now),
    },
    {
      provide: TasksService,
      inject: [DataSource, JobQueue, CLOCK],
      useFactory: (ds: DataSource, q: JobQueue, now: Clock) => new TasksService(ds, q, now),
    },
    {
      provide: PipelineService,
      inject: [
        DataSource,
        TenantsService,
        wizConfig.KEY,
        JobFilesService,
        TasksService,
        CLOCK,
        PREFLIGHT_OPTIONS,
      ],
      useFactory: (
        ds: DataSource,
        tenants: TenantsService,
        wiz: ConfigType<typeof wizConfig>,
        files: JobFilesService,
        tasks: TasksService,
        now: Clock,
        preflight: { enabled: boolean },
      ) =>
        new PipelineService(
          ds,
          async (tenantId) => {
            const settings = await tenants.getRuntimeSettings(tenantId);
            const runtime = tenantRuntime(settings, wiz);
            return preflight.enabled
              ? { ...runtime, preflight: (signal: AbortSignal) => preflightCheck(wiz)(settings, signal) }
              : runtime;
          },
          files,
          DEFAULT_PIPELINE_SETTINGS,
          tasks,
          defaultStages(),
          now,
        ),
    },
    { provide: RUNNER_OPTIONS, useValue: { concurrency: 2, pollMs: 1000 } },
    {
      provide: PREFLIGHT_OPTIONS,
      inject: [schedulerConfig.KEY],
      useFactory: (scheduler: ConfigType<typeof schedulerConfig>) => ({ enabled: scheduler.preflight }),
    },
    {
      provide: JobRunner,
      inject: [DataSource, JobQueue, PipelineService, RUNNER_OPTIONS],
      useFactory: (
        ds: DataSource,
        q: JobQueue,
        p: PipelineService,
        o: { concurrency: number; pollMs: number },
      ) => new JobRunner(ds, q, p, o),
    },
    {
      provide: JobsService,
      inject: [DataSource, JobQueue, CLOCK],
      useFactory: (ds: DataSource, q: JobQueue, now: Clock) => new JobsService(ds, q, now),
    },
    {
      provide: SchedulerService,
      inject: [DataSource, JobQueue, CLOCK],
      useFactory: (ds: DataSource, q: JobQueue, now: Clock) => new SchedulerService(ds, q, now),
    },
    {
      provide: MonitorService,
      inject: [DataSource, CLOCK],
      useFactory: (ds: DataSource, now: Clock) => new MonitorService(ds, now),
    },
    {
      provide: CleanerService,
      inject: [DataSource, JobFilesService, CLOCK],
      useFactory: (ds: DataSource, files: JobFilesService, now: Clock) => new CleanerService(ds, files, now),
    },
    EngineLoop,
  ],
  exports: [
    CLOCK,
    JobFilesService,
    JobQueue,
    TasksService,
    PipelineService,
    JobRunner,
    JobsService,
    SchedulerService,
    MonitorService,
    CleanerService,
    TenantsModule,
  ],
})
export class PipelineModule implements OnModuleInit {
  constructor(
    private readonly tenants: TenantsService,
    private readonly tasks: TasksService,
    private readonly scheduler: SchedulerService,
    private readonly monitor: MonitorService,
    private readonly cleaner: CleanerService,
    @Inject(wizConfig.KEY) private readonly wiz: ConfigType<typeof wizConfig>,
    @Inject(PREFLIGHT_OPTIONS) private readonly preflight: { enabled: boolean },
  ) {}

  onModuleInit(): void {
    if (this.preflight.enabled) this.tenants.setPreflight(preflightCheck(this.wiz));
    this.tasks.runners = {
      scheduler: async (tenantId) => void (await this.scheduler.tick(tenantId, true)),
      monitor: async (tenantId) => void (await this.monitor.pass(tenantId)),
      cleaner: async (tenantId) => void (await this.cleaner.pass(tenantId)),
    };
  }
}

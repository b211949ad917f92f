import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { schedulerConfig, type ConfigType } from '../config';
import { SchedulerService } from '../scheduler/scheduler.service';
import { CleanerService } from '../tasks/cleaner.service';
import { MonitorService } from '../tasks/monitor.service';
import { TasksService } from '../tasks/tasks.service';
import { TenantsService } from '../tenants/tenants.service';
import { CLOCK, type Clock } from './clock';
import { JobRunner } from './job-runner';

/** Intervals of the engine's own loops (not settings of a tenant: those are the schedule interval etc.). */
export const LOOP_INTERVALS = {
  runnerMs: 1000,
  schedulerMs: 15_000,
  monitorMs: 60_000,
  cleanerMs: 3_600_000,
};

/**
 * Starts the job runner and the Scheduler, Monitor and Cleaner tasks on @nestjs/schedule intervals. With the
 * scheduler disabled (tests, read-only replicas) nothing runs by itself.
 */
@Injectable()
export class EngineLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EngineLoop');

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly runner: JobRunner,
    private readonly scheduler: SchedulerService,
    private readonly monitor: MonitorService,
    private readonly cleaner: CleanerService,
    private readonly tasks: TasksService,
    private readonly tenants: TenantsService,
    @Inject(schedulerConfig.KEY) private readonly config: ConfigType<typeof schedulerConfig>,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.enabled) return;
    this.every('runner', LOOP_INTERVALS.runnerMs, () => this.runner.tick());
    this.every('scheduler', LOOP_INTERVALS.schedulerMs, () =>
      this.perTenant('scheduler', (id) => this.scheduler.tick(id).then((j) => (j ? 1 : 0))),
    );
    this.every('monitor', LOOP_INTERVALS.monitorMs, () =>
      this.perTenant('monitor', (id) => this.monitor.pass(id).then((r) => r.restarted + r.failed)),
    );
    this.every('cleaner', LOOP_INTERVALS.cleanerMs, () =>
      this.perTenant('cleaner', (id) => this.cleaner.pass(id).then((r) => r.jobs + r.batchErrors)),
    );
    void this.scheduleNow();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const name of this.registry.getIntervals()) this.registry.deleteInterval(name);
    await this.runner.stop();
  }

  /** First scheduler pass at boot ("run after deployment" starts the first job at once). */
  private async scheduleNow(): Promise<void> {
    await this.perTenant('scheduler', (id) => this.scheduler.tick(id).then((j) => (j ? 1 : 0)));
    await this.runner.tick();
  }

  private every(name: string, ms: number, work: () => Promise<unknown>): void {
    let busy = false;
    const handle = setInterval(() => {
      if (busy) return;
      busy = true;
      work()
        .catch((error: unknown) =>
          this.logger.error(`${name}: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => (busy = false));
    }, ms);
    this.registry.addInterval(`wiztc-${name}`, handle);
  }

  /**
   * Runs a non-stage task for every enabled tenant whose task is not paused. A run is recorded for the analytics
   * when it did something or failed (and always for the hourly Cleaner): the Scheduler's and Monitor's idle
   * ticks every few seconds would otherwise bury the history. Their heartbeat still moves on every tick.
   */
  private async perTenant(
    name: 'scheduler' | 'monitor' | 'cleaner',
    work: (tenantId: string) => Promise<number>,
  ): Promise<void> {
    for (const tenantId of await this.tenants.listEnabledTenantIds()) {
      if (await this.tasks.isTaskPaused(tenantId, name)) continue;
      const startedAt = this.now();
      try {
        const items = await work(tenantId);
        if (items > 0 || name === 'cleaner') await this.tasks.recordRun(tenantId, name, startedAt, items, 0);
        else await this.tasks.beat(tenantId, name);
      } catch (error) {
        await this.tasks.recordRun(tenantId, name, startedAt, 0, 1);
        throw error;
      }
    }
  }
}

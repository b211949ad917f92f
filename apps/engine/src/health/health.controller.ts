import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthStatus, ReadinessStatus } from '@wiztc/contracts';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';

const startedAt = Date.now();

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Liveness: the process answers. */
  @Get()
  live(): HealthStatus {
    return { status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
  }

  /** Readiness: the database answers and every migration is applied (503 otherwise). */
  @Get('ready')
  async ready(): Promise<ReadinessStatus> {
    let status: ReadinessStatus;
    try {
      const tableName = this.dataSource.options.migrationsTableName ?? 'migrations';
      const rows: Array<{ name: string }> = await this.dataSource.query(`SELECT name FROM "${tableName}"`);
      const applied = new Set(rows.map((row) => row.name));
      const pendingMigrations = this.dataSource.migrations.filter(
        (m) => !applied.has(m.name ?? m.constructor.name),
      ).length;
      status = { status: pendingMigrations === 0 ? 'ready' : 'not-ready', database: 'up', pendingMigrations };
    } catch {
      status = { status: 'not-ready', database: 'down', pendingMigrations: -1 };
    }
    if (status.status !== 'ready') {
      throw new ServiceUnavailableException(
        status.database === 'down'
          ? 'not ready: database unreachable'
          : `not ready: ${status.pendingMigrations} migration(s) pending`,
      );
    }
    return status;
  }
}

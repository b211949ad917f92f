import {
  Controller,
  Get,
  HttpException,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { TaskRunSummary, TaskSummary } from '@wiztc/contracts';
import { TenantScoped } from '../auth';
import { AnalyticsQueryDto } from './dto/analytics.query.dto';
import type { Task } from './task.entity';
import { TaskStateError, TasksService, type TaskAction } from './tasks.service';

@ApiTags('tasks')
@TenantScoped()
@Controller('tenants/:tenantId/tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  async list(@Param('tenantId') tenantId: string): Promise<TaskSummary[]> {
    return (await this.tasks.list(tenantId)).map(toSummary);
  }

  /** Runtime analytics: every task run (duration, items, errors) since a time, oldest first. */
  @Get('analytics')
  analytics(@Param('tenantId') tenantId: string, @Query() q: AnalyticsQueryDto): Promise<TaskRunSummary[]> {
    return this.tasks.analytics(tenantId, q.since ? new Date(q.since) : null, q.limit);
  }

  @Post(':taskId/run')
  run(@Param('tenantId') t: string, @Param('taskId', ParseUUIDPipe) id: string): Promise<TaskSummary> {
    return this.act(t, id, 'run');
  }

  @Post(':taskId/pause')
  pause(@Param('tenantId') t: string, @Param('taskId', ParseUUIDPipe) id: string): Promise<TaskSummary> {
    return this.act(t, id, 'pause');
  }

  @Post(':taskId/resume')
  resume(@Param('tenantId') t: string, @Param('taskId', ParseUUIDPipe) id: string): Promise<TaskSummary> {
    return this.act(t, id, 'resume');
  }

  @Post(':taskId/kill')
  kill(@Param('tenantId') t: string, @Param('taskId', ParseUUIDPipe) id: string): Promise<TaskSummary> {
    return this.act(t, id, 'kill');
  }

  private async act(tenantId: string, taskId: string, action: TaskAction): Promise<TaskSummary> {
    if (!(await this.tasks.find(tenantId, taskId))) throw new NotFoundException('task not found');
    try {
      return toSummary(await this.tasks.act(tenantId, taskId, action));
    } catch (error) {
      if (error instanceof TaskStateError) throw new HttpException({ message: error.message }, 409);
      throw error;
    }
  }
}

function toSummary(t: Task): TaskSummary {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    status: t.status,
    heartbeatTimeoutMinutes: t.heartbeatTimeoutMinutes,
    heartbeatAt: t.heartbeatAt?.toISOString() ?? null,
    jobId: t.jobId,
  };
}

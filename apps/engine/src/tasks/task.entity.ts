import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TaskName, TaskStatus } from '@wiztc/contracts';

/** A long-lived worker of one tenant: Scheduler, Monitor, Cleaner, and one per pipeline stage. */
@Entity()
@Index(['tenantId', 'name'], { unique: true })
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  tenantId!: string;

  @Column('text')
  name!: TaskName;

  @Column('text')
  description!: string;

  @Column('text', { default: 'idle' })
  status!: TaskStatus;

  /** Set by Pause; a running task stops at its next checkpoint and then shows Paused. */
  @Column('boolean', { default: false })
  pauseRequested!: boolean;

  @Column('int')
  heartbeatTimeoutMinutes!: number;

  @Column('timestamptz', { nullable: true })
  heartbeatAt!: Date | null;

  /** The job a stage task is working on. */
  @Column('uuid', { nullable: true })
  jobId!: string | null;
}

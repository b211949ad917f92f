import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Task } from './task.entity';

/** One run of a task: the runtime analytics are built from these rows. */
@Entity()
@Index(['taskId', 'startedAt'])
export class TaskRun {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  taskId!: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Task;

  @Column('uuid')
  tenantId!: string;

  @Column('uuid', { nullable: true })
  jobId!: string | null;

  @Column('timestamptz')
  startedAt!: Date;

  @Column('timestamptz', { nullable: true })
  endedAt!: Date | null;

  @Column('int', { default: 0 })
  items!: number;

  @Column('int', { default: 0 })
  errors!: number;

  /** completed, failed, paused or killed. */
  @Column('text', { nullable: true })
  outcome!: string | null;
}

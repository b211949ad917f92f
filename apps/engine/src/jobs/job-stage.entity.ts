import { Column, JoinColumn, ManyToOne, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Job } from './job.entity';
import type { StageName, StageStatus } from '@wiztc/contracts';

/** One stage of one job: times, heartbeat, counts and the checkpoint a resumed stage continues from. */
@Entity()
@Index(['jobId', 'stage'], { unique: true })
@Index(['status', 'heartbeatAt'])
export class JobStage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  jobId!: string;

  @ManyToOne(() => Job, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job?: Job;

  @Column('uuid')
  tenantId!: string;

  @Column('text')
  stage!: StageName;

  @Column('int')
  position!: number;

  @Column('text', { default: 'pending' })
  status!: StageStatus;

  @Column('timestamptz', { nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  heartbeatAt!: Date | null;

  /** How many times the stage was (re)started. */
  @Column('int', { default: 0 })
  attempts!: number;

  @Column('jsonb', { default: {} })
  counts!: Record<string, number>;

  /** Opaque to everybody but the stage: where to resume. */
  @Column('jsonb', { nullable: true })
  checkpoint!: Record<string, unknown> | null;

  /** Progress of a running stage, e.g. { done: 1200, total: 5000 }. */
  @Column('jsonb', { nullable: true })
  progress!: { done: number; total: number | null } | null;

  @Column('text', { nullable: true })
  error!: string | null;
}

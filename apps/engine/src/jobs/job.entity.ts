import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { JobStatus, JobType, StageName } from '@wiztc/contracts';

/** One ingestion run of one tenant over an `updatedAt` window. The row is the truth; workers only claim it. */
@Entity()
@Index(['tenantId', 'createdAt'])
@Index(['status', 'createdAt'])
// At most one running job per tenant, whatever the number of engine replicas.
@Index('UQ_job_running_per_tenant', ['tenantId'], { unique: true, where: `"status" = 'running'` })
export class Job {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Short, human friendly id shown in the console and used in filters. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'BY DEFAULT', unique: true })
  number!: string;

  @Column('uuid')
  tenantId!: string;

  @Column('text')
  type!: JobType;

  @Column('text', { default: 'pending' })
  status!: JobStatus;

  @Column('timestamptz')
  windowStart!: Date;

  @Column('timestamptz')
  windowEnd!: Date;

  /** Jobs created by the scheduler are never started before this time. */
  @Column('timestamptz')
  notBefore!: Date;

  @Column('text', { nullable: true })
  currentStage!: StageName | null;

  @Column('text', { nullable: true })
  claimedBy!: string | null;

  /** Set by a Kill; the worker holding the job aborts it at once (whatever replica it runs on). */
  @Column('boolean', { default: false })
  killRequested!: boolean;

  @Column('timestamptz', { nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  @Column('text', { nullable: true })
  error!: string | null;

  /** The job this one retries, if any. */
  @Column('uuid', { nullable: true })
  retryOf!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

import {
  Column,
  JoinColumn,
  ManyToOne,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Job } from '../jobs/job.entity';
import type { StageName } from '@wiztc/contracts';

/** One thing that could not be written cleanly: a mapping issue, a batch error, a rejected case write. */
@Entity()
@Index(['tenantId', 'jobId'])
@Index(['tenantId', 'type'])
export class BatchError {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  tenantId!: string;

  @Column('uuid')
  jobId!: string;

  @ManyToOne(() => Job, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job?: Job;

  @Column('text')
  stage!: StageName;

  /** Error type: a ThreatConnect errCode (e.g. 0x1001) or a mapping issue code. */
  @Column('text')
  type!: string;

  @Column('text')
  reason!: string;

  @Column('text', { nullable: true })
  message!: string | null;

  @Column('text', { nullable: true })
  vulnerabilityName!: string | null;

  @Column('text', { nullable: true })
  findingId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

import {
  Column,
  JoinColumn,
  ManyToOne,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Job } from './job.entity';
import type { JobFileKind } from '@wiztc/contracts';

/** A gzipped file a stage wrote; the bytes live under the data directory, the row says where. */
@Entity()
@Index(['jobId', 'kind', 'part'], { unique: true })
export class JobFile {
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
  kind!: JobFileKind;

  /** Files of one kind are written in parts (a download page, a batch chunk) so that a resumed stage overwrites, never appends. */
  @Column('int', { default: 0 })
  part!: number;

  @Column('text')
  path!: string;

  @Column('bigint')
  bytes!: string;

  @Column('int', { default: 0 })
  items!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

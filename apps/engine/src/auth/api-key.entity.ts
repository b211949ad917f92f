import type { Role } from '@wiztc/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Tenant } from '../tenants/tenant.entity';

/** An API credential. Only the SHA-256 of the key is stored; `prefix` lets people recognise it. */
@Entity()
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Who or what uses the key (person, launcher, CI). */
  @Column('varchar', { length: 200 })
  name!: string;

  @Column('varchar', { length: 20 })
  role!: Role;

  /** Set for org-admin keys; null for system administrators. */
  @Index('ix_api_key_tenant_id')
  @Column('uuid', { nullable: true })
  tenantId!: string | null;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_api_key_tenant' })
  tenant?: Tenant | null;

  @Index('uq_api_key_key_hash', { unique: true })
  @Column('char', { length: 64 })
  keyHash!: string;

  @Column('varchar', { length: 16 })
  prefix!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;
}

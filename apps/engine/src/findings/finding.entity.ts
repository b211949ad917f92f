import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { WizVulnerabilityFinding } from '@wiztc/wiz-client/model';

/** The latest snapshot of one Wiz finding of one tenant. */
@Entity()
@Index(['tenantId', 'vulnerabilityName'])
export class Finding {
  @PrimaryColumn('uuid')
  tenantId!: string;

  @PrimaryColumn('text')
  findingId!: string;

  @Column('text')
  vulnerabilityName!: string;

  @Column('text', { nullable: true })
  status!: string | null;

  @Column('text', { nullable: true })
  assetId!: string | null;

  @Column('timestamptz', { nullable: true })
  wizUpdatedAt!: Date | null;

  @Column('jsonb')
  data!: WizVulnerabilityFinding;

  @Column('uuid')
  lastJobId!: string;

  @Column('timestamptz', { default: () => 'now()' })
  firstSeenAt!: Date;
}

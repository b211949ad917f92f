import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A ThreatConnect group or indicator whose tags matched a vulnerability, and what wiztc wrote to it. */
@Entity()
export class Correlation {
  @PrimaryColumn('uuid')
  tenantId!: string;

  @PrimaryColumn('text')
  vulnerabilityName!: string;

  @PrimaryColumn('text')
  objectKind!: 'group' | 'indicator';

  @PrimaryColumn('bigint')
  objectId!: string;

  @Column('text')
  objectType!: string;

  @Column('text')
  ownerName!: string;

  @Column('text')
  hash!: string;
}

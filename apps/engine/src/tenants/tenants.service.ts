import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type PreflightReport, TC_GROUP_TYPES, type TenantSettings } from '@wiztc/contracts';
import { randomUUID } from 'node:crypto';
import { QueryFailedError, Repository } from 'typeorm';
import type { Principal } from '../auth/principal';
import { CryptoService } from '../common/crypto/crypto.service';
import { Redactor } from '../common/redaction';
import type { CreateTenantDto } from './dto/create-tenant.dto';
import { SYSTEM_ADMIN_ONLY_SETTINGS, type UpdateTenantDto } from './dto/update-tenant.dto';
import { Tenant } from './tenant.entity';
import {
  TENANT_PREFLIGHT,
  type TenantPreflightCheck,
  type TenantRuntimeSettings,
} from './tenant-runtime-settings';
import { toTenantSettings } from './tenant.mapper';

const SOURCE_TAKEN =
  'sourceName is already used by another tenant: a Source name must be unique on the ThreatConnect instance';
const CLIENT_ID_TAKEN =
  'wizClientId is already used by another tenant: Wiz credentials are never shared between organizations';

const secretContext = (tenantId: string, field: 'wizClientSecret' | 'tcSecretKey'): string =>
  `tenant:${tenantId}:${field}`;

@Injectable()
export class TenantsService {
  constructor(
    @InjectRepository(Tenant) private readonly tenants: Repository<Tenant>,
    private readonly crypto: CryptoService,
    private readonly redactor: Redactor,
    @Inject(TENANT_PREFLIGHT) private preflightCheck: TenantPreflightCheck,
  ) {}

  /** Replaces the preflight check (the pipeline installs the real one at start-up). */
  setPreflight(check: TenantPreflightCheck): void {
    this.preflightCheck = check;
  }

  async list(): Promise<TenantSettings[]> {
    const rows = await this.tenants.find({ order: { name: 'ASC', id: 'ASC' } });
    return rows.map(toTenantSettings);
  }

  async get(tenantId: string): Promise<TenantSettings> {
    return toTenantSettings(await this.findRow(tenantId));
  }

  /** Ids of tenants the scheduler should serve. */
  async listEnabledTenantIds(): Promise<string[]> {
    const rows = await this.tenants.find({
      select: { id: true },
      where: { enabled: true },
      order: { id: 'ASC' },
    });
    return rows.map((row) => row.id);
  }

  async create(dto: CreateTenantDto): Promise<TenantSettings> {
    const id = randomUUID();
    this.redactor.register(dto.wizClientSecret);
    this.redactor.register(dto.tcSecretKey);
    const row = this.tenants.create({
      id,
      name: dto.name,
      tcOrganization: dto.tcOrganization,
      sourceName: dto.sourceName,
      activateDeprecation: dto.activateDeprecation ?? false,
      createAttributes: dto.createAttributes ?? false,
      wizEnvironment: dto.wizEnvironment,
      wizDataCenter: dto.wizDataCenter,
      wizClientId: dto.wizClientId,
      wizClientSecretEncrypted: this.crypto.encrypt(
        dto.wizClientSecret,
        secretContext(id, 'wizClientSecret'),
      ),
      ownersToScan: dto.ownersToScan ?? [],
      groupTypesToScan: dto.groupTypesToScan ?? [...TC_GROUP_TYPES],
      indicatorTypesToScan: dto.indicatorTypesToScan ?? [],
      assignee: dto.assignee ?? null,
      exploitFilter: dto.exploitFilter ?? 'hasExploit',
      runAfterDeployment: dto.runAfterDeployment ?? false,
      tcApiUrl: dto.tcApiUrl,
      tcAccessId: dto.tcAccessId,
      tcSecretKeyEncrypted: this.crypto.encrypt(dto.tcSecretKey, secretContext(id, 'tcSecretKey')),
      scheduleIntervalMinutes: dto.scheduleIntervalMinutes ?? 60,
      initialBackfillDays: dto.initialBackfillDays ?? 30,
      maxRestartAttempts: dto.maxRestartAttempts ?? 3,
      retentionDays: dto.retentionDays ?? 30,
      enabled: dto.enabled ?? true,
    });
    await this.assertUnique(row);
    await this.assertPreflight(this.runtimeFrom(row, dto.wizClientSecret, dto.tcSecretKey));
    const saved = await this.save(() => this.tenants.insert(row).then(() => this.findRow(id)));
    return toTenantSettings(saved);
  }

  /** Applies a partial update; org admins cannot change what a system administrator fixed at deployment. */
  async update(tenantId: string, dto: UpdateTenantDto, principal?: Principal): Promise<TenantSettings> {
    const row = await this.findRow(tenantId);
    const sent = Object.entries(dto).filter(([, value]) => value !== undefined) as Array<
      [keyof UpdateTenantDto, unknown]
    >;
    const nulls = sent.filter(([key, value]) => value === null && key !== 'assignee').map(([key]) => key);
    if (nulls.length > 0) throw new BadRequestException(nulls.map((key) => `${key} cannot be null`));
    if (principal && principal.role !== 'system-admin') {
      const forbidden = sent.map(([key]) => key).filter((key) => SYSTEM_ADMIN_ONLY_SETTINGS.includes(key));
      if (forbidden.length > 0) {
        throw new ForbiddenException(`only a system administrator can change: ${forbidden.join(', ')}`);
      }
    }
    const { wizClientSecret, tcSecretKey, ...plain } = dto;
    Object.assign(row, Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined)));
    if (wizClientSecret !== undefined) {
      this.redactor.register(wizClientSecret);
      row.wizClientSecretEncrypted = this.crypto.encrypt(
        wizClientSecret,
        secretContext(row.id, 'wizClientSecret'),
      );
    }
    if (tcSecretKey !== undefined) {
      this.redactor.register(tcSecretKey);
      row.tcSecretKeyEncrypted = this.crypto.encrypt(tcSecretKey, secretContext(row.id, 'tcSecretKey'));
    }
    await this.assertUnique(row);
    await this.assertPreflight(this.runtimeOf(row));
    const saved = await this.save(() => this.tenants.save(row));
    return toTenantSettings(saved);
  }

  /** Decrypted settings for the pipeline. Throws NotFoundException for an unknown tenant. */
  async getRuntimeSettings(tenantId: string): Promise<TenantRuntimeSettings> {
    return this.runtimeOf(await this.findRow(tenantId));
  }

  /** Runs the preflight check on the stored settings. */
  async preflight(tenantId: string, signal?: AbortSignal): Promise<PreflightReport> {
    return this.preflightCheck(await this.getRuntimeSettings(tenantId), signal);
  }

  private async findRow(tenantId: string): Promise<Tenant> {
    const row = await this.tenants.findOne({ where: { id: tenantId } });
    if (!row) throw new NotFoundException('tenant not found');
    return row;
  }

  private runtimeOf(row: Tenant): TenantRuntimeSettings {
    const wizClientSecret = this.crypto.decrypt(
      row.wizClientSecretEncrypted,
      secretContext(row.id, 'wizClientSecret'),
    );
    const tcSecretKey = this.crypto.decrypt(row.tcSecretKeyEncrypted, secretContext(row.id, 'tcSecretKey'));
    this.redactor.register(wizClientSecret);
    this.redactor.register(tcSecretKey);
    return this.runtimeFrom(row, wizClientSecret, tcSecretKey);
  }

  private runtimeFrom(row: Tenant, wizClientSecret: string, tcSecretKey: string): TenantRuntimeSettings {
    const {
      wizClientSecretEncrypted: _w,
      tcSecretKeyEncrypted: _t,
      createdAt: _c,
      updatedAt: _u,
      ...plain
    } = row;
    return {
      ...plain,
      ownersToScan: [...row.ownersToScan],
      groupTypesToScan: [...row.groupTypesToScan],
      indicatorTypesToScan: [...row.indicatorTypesToScan],
      wizClientSecret,
      tcSecretKey,
    };
  }

  private async assertUnique(row: Tenant): Promise<void> {
    const clash = await this.tenants
      .createQueryBuilder('t')
      .select(['t.id', 't.sourceName', 't.wizClientId'])
      .where('t.id <> :id', { id: row.id })
      .andWhere('(lower(t.source_name) = lower(:sourceName) OR t.wiz_client_id = :wizClientId)', {
        sourceName: row.sourceName,
        wizClientId: row.wizClientId,
      })
      .getMany();
    if (clash.some((other) => other.wizClientId === row.wizClientId))
      throw new ConflictException(CLIENT_ID_TAKEN);
    if (clash.length > 0) throw new ConflictException(SOURCE_TAKEN);
  }

  private async assertPreflight(settings: TenantRuntimeSettings): Promise<void> {
    const report = await this.preflightCheck(settings);
    if (!report.ok) {
      throw new UnprocessableEntityException({
        message: `preflight check failed: ${report.problems.join('; ')}`,
        details: report.problems,
      });
    }
  }

  /** Maps a unique violation that slipped past assertUnique (concurrent saves) to the same clear reasons. */
  private async save(write: () => Promise<Tenant>): Promise<Tenant> {
    try {
      return await write();
    } catch (error) {
      const driverError =
        error instanceof QueryFailedError
          ? (error.driverError as { code?: string; constraint?: string })
          : undefined;
      if (driverError?.code === '23505') {
        throw new ConflictException(
          driverError.constraint === 'uq_tenant_wiz_client_id' ? CLIENT_ID_TAKEN : SOURCE_TAKEN,
        );
      }
      throw error;
    }
  }
}

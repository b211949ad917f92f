// The simulated tenant: N generated findings plus the stored overrides, a movable clock, filtering and
// cursor paging. Order is creation order (the index): changing a finding never moves it and new findings
// are appended at the end, so a cursor (= last index returned) stays valid while time moves; a finding
// changed behind the cursor gets a fresh updatedAt and is picked up by the next window instead.
import type { WizFindingStatus, WizVulnerabilityFinding } from '@wiztc/wiz-client/model';
import { AssetCatalog } from './assets';
import {
  buildFinding,
  coreOf,
  type FindingCore,
  type FindingOverride,
  type GeneratorContext,
} from './findings';
import { findingIdOf, findingIndexOf, prng } from './random';
import { VulnerabilityCatalog } from './vulnerabilities';

export interface StoreFilter {
  statuses: ReadonlySet<WizFindingStatus>;
  afterMs?: number;
  beforeMs?: number;
  hasExploit?: boolean;
  hasCisaKevExploit?: boolean;
  externalIds?: ReadonlySet<string>;
}

export interface StoreOptions {
  seed: number;
  findingCount: number;
  vulnerabilityCount: number;
  epochMs: number;
  exploitShare: number;
  kevShare: number;
  portalHost: string;
  /** When true, simulated time also follows the wall clock (demo); otherwise it moves only on advance(). */
  realtime: boolean;
}

export class FindingStore {
  private readonly ctx: GeneratorContext;
  private baseCount: number;
  private added = 0;
  private advancedMs = 0;
  private version = 0;
  private mutationRound = 0;
  private readonly counts = new Map<string, number>();
  private readonly startedAt = Date.now();

  constructor(private readonly options: StoreOptions) {
    if (
      !Number.isInteger(options.findingCount) ||
      options.findingCount < 0 ||
      options.findingCount > 2 ** 31
    ) {
      throw new RangeError('findingCount must be an integer between 0 and 2^31');
    }
    if (!Number.isInteger(options.vulnerabilityCount) || options.vulnerabilityCount < 1) {
      throw new RangeError('vulnerabilityCount must be a positive integer');
    }
    this.baseCount = options.findingCount;
    const vulnerabilities = new VulnerabilityCatalog(
      options.seed,
      options.vulnerabilityCount,
      options.exploitShare,
      options.kevShare,
    );
    const assets = new AssetCatalog(options.seed, Math.max(1, Math.ceil(options.findingCount / 8)));
    this.ctx = {
      seed: options.seed,
      epochMs: options.epochMs,
      vulnerabilities,
      assets,
      overrides: new Map(),
      portalHost: options.portalHost,
    };
  }

  get total(): number {
    return this.baseCount + this.added;
  }

  nowMs(): number {
    return this.options.epochMs + this.advancedMs + (this.options.realtime ? Date.now() - this.startedAt : 0);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance(ms) needs a non-negative number');
    this.advancedMs += ms;
  }

  core(index: number): FindingCore {
    return coreOf(this.ctx, index);
  }

  matches(core: FindingCore, f: StoreFilter): boolean {
    if (!f.statuses.has(core.status)) return false;
    if (f.afterMs !== undefined && core.updatedAtMs < f.afterMs) return false;
    if (f.beforeMs !== undefined && core.updatedAtMs >= f.beforeMs) return false;
    const v = this.ctx.vulnerabilities;
    if (f.hasExploit !== undefined && v.hasExploit(core.vuln) !== f.hasExploit) return false;
    if (f.hasCisaKevExploit !== undefined && v.hasCisaKev(core.vuln) !== f.hasCisaKevExploit) return false;
    if (f.externalIds && !f.externalIds.has(v.get(core.vuln).name)) return false;
    return true;
  }

  /** Up to `first` matching indexes after `afterIndex`, and whether more match beyond them. */
  page(f: StoreFilter, first: number, afterIndex: number): { indexes: number[]; hasNextPage: boolean } {
    const indexes: number[] = [];
    const total = this.total;
    for (let i = afterIndex + 1; i < total; i++) {
      if (!this.matches(this.core(i), f)) continue;
      if (indexes.length === first) return { indexes, hasNextPage: true };
      indexes.push(i);
    }
    return { indexes, hasNextPage: false };
  }

  count(f: StoreFilter, key: string): number {
    const cacheKey = `${this.version}|${key}`;
    const cached = this.counts.get(cacheKey);
    if (cached !== undefined) return cached;
    let n = 0;
    for (let i = 0; i < this.total; i++) if (this.matches(this.core(i), f)) n++;
    if (this.counts.size > 200) this.counts.clear();
    this.counts.set(cacheKey, n);
    return n;
  }

  ids(f: StoreFilter): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.total; i++)
      if (this.matches(this.core(i), f)) out.push(findingIdOf(this.options.seed, i));
    return out;
  }

  idOf(index: number): string {
    return findingIdOf(this.options.seed, index);
  }

  indexOf(id: string): number | undefined {
    const index = findingIndexOf(this.options.seed, id);
    return index !== undefined && index < this.total ? index : undefined;
  }

  build(index: number): WizVulnerabilityFinding {
    return buildFinding(this.ctx, this.core(index), this.nowMs());
  }

  resolve(ids: readonly string[]): void {
    const now = this.nowMs();
    const indexes = ids.map((id) => {
      const index = this.indexOf(id);
      if (index === undefined) throw new Error(`Unknown finding id ${id}`);
      return index;
    });
    for (const index of indexes)
      this.override(index, { status: 'RESOLVED', updatedAtMs: now, resolvedAtMs: now });
  }

  /** Changes `count` deterministically chosen findings: mostly status moves, some property changes. */
  mutate(count: number): string[] {
    const draw = prng(this.options.seed ^ (0x4d17 + ++this.mutationRound * 7919));
    const now = this.nowMs();
    const chosen = new Set<number>();
    const wanted = Math.min(count, this.total);
    while (chosen.size < wanted) chosen.add(Math.floor(draw() * this.total));
    for (const index of chosen) {
      const core = this.core(index);
      const revision = (this.ctx.overrides.get(index)?.revision ?? 0) + 1;
      if (draw() < 0.4) {
        this.override(index, { updatedAtMs: now, revision });
        continue;
      }
      const next: Record<WizFindingStatus, WizFindingStatus> = {
        OPEN: draw() < 0.7 ? 'RESOLVED' : 'IN_PROGRESS',
        IN_PROGRESS: 'RESOLVED',
        RESOLVED: 'OPEN',
        REJECTED: 'OPEN',
      };
      const status = next[core.status];
      this.override(index, {
        status,
        updatedAtMs: now,
        resolvedAtMs: status === 'RESOLVED' ? now : null,
        revision,
      });
    }
    return [...chosen].sort((a, b) => a - b).map((i) => this.idOf(i));
  }

  addFindings(count: number, vulnerabilityName?: string): string[] {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError('addFindings(count) needs a non-negative integer');
    const now = this.nowMs();
    const vuln =
      vulnerabilityName === undefined ? undefined : this.ctx.vulnerabilities.indexOfName(vulnerabilityName);
    const ids: string[] = [];
    for (let k = 0; k < count; k++) {
      const index = this.total;
      this.added++;
      this.override(index, {
        status: 'OPEN',
        updatedAtMs: now,
        firstDetectedAtMs: now,
        resolvedAtMs: null,
        ...(vuln === undefined ? {} : { vuln }),
      });
      ids.push(this.idOf(index));
    }
    return ids;
  }

  private override(index: number, change: FindingOverride): void {
    this.ctx.overrides.set(index, { ...this.ctx.overrides.get(index), ...change });
    this.version++;
  }
}

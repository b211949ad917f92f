// The simulator's data: owners, users, attribute types, groups, indicators, cases, attributes,
// associations (symmetric, any owner) and batch jobs.
import { TC_GROUP_TYPES } from '@wiztc/contracts';
import type {
  TcSimAssociations,
  TcSimAttribute,
  TcSimAttributeTypeSpec,
  TcSimBatchJob,
  TcSimCase,
  TcSimGroup,
  TcSimIndicator,
  TcSimKind,
  TcSimObject,
  TcSimOwner,
  TcSimState,
} from './types';

/** An error answered as a ThreatConnect v3 error envelope. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errCode: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (m: string): SimHttpError => new SimHttpError(400, '0x1001', m);
export const notFound = (m: string): SimHttpError => new SimHttpError(404, '0x1004', m);

/** The group types ThreatConnect knows (shared with the tenants' "Group Types to Scan"). */
export const GROUP_TYPES: readonly string[] = TC_GROUP_TYPES;

export class SimStore {
  owners: TcSimOwner[] = [];
  users: { id: number; userName: string }[] = [];
  attributeTypes: { id: number; name: string; maxSize: number }[] = [];
  groups = new Map<number, TcSimGroup>();
  indicators = new Map<number, TcSimIndicator>();
  cases = new Map<number, TcSimCase>();
  jobs = new Map<number, TcSimBatchJob>();
  /** `kind:id|kind:id`, smaller key first. */
  associations = new Set<string>();
  private attributeIndex = new Map<number, TcSimObject>();
  private groupXids = new Map<string, TcSimGroup>();
  private nextId = 1;

  constructor(
    private readonly now: () => number,
    org: string,
    sources: string[],
    communities: string[],
    users: string[],
    types: readonly TcSimAttributeTypeSpec[],
  ) {
    this.owners.push({ id: this.id(), name: org, type: 'Organization' });
    for (const s of sources) this.owners.push({ id: this.id(), name: s, type: 'Source' });
    for (const c of communities) this.owners.push({ id: this.id(), name: c, type: 'Community' });
    for (const u of users) this.users.push({ id: this.id(), userName: u });
    for (const t of types) this.attributeTypes.push({ id: this.id(), name: t.name, maxSize: t.maxSize });
  }

  id(): number {
    return this.nextId++;
  }

  iso(): string {
    return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  clearObjects(): void {
    this.groups.clear();
    this.indicators.clear();
    this.cases.clear();
    this.jobs.clear();
    this.associations.clear();
    this.attributeIndex.clear();
    this.groupXids.clear();
  }

  organization(): TcSimOwner {
    return this.owners[0] as TcSimOwner;
  }

  owner(name: string | undefined): TcSimOwner {
    if (name === undefined || name === '') return this.organization();
    const o = this.owners.find((x) => x.name === name);
    if (!o) throw new SimHttpError(403, '0x1003', `Owner "${name}" does not exist or is not accessible`);
    return o;
  }

  // ---- attributes -------------------------------------------------------------------------------

  /** Validates one attribute against the instance's types; the error text is shared with batch. */
  attributeProblem(type: unknown, value: unknown): string | undefined {
    if (typeof type !== 'string' || type === '') return 'Attribute type is required';
    const t = this.attributeTypes.find((x) => x.name === type);
    if (!t) return `Attribute type "${type}" is not a valid attribute type`;
    if (typeof value !== 'string' || value === '') return `Attribute "${type}" has no value`;
    if (value.length > t.maxSize)
      return `Attribute "${type}" value length ${value.length} exceeds the maximum size of ${t.maxSize}`;
    return undefined;
  }

  addAttribute(
    obj: TcSimObject,
    a: { type?: unknown; value?: unknown; source?: unknown; default?: unknown; pinned?: unknown },
  ): TcSimAttribute {
    const problem = this.attributeProblem(a.type, a.value);
    if (problem) throw badRequest(problem);
    const now = this.iso();
    const attr: TcSimAttribute = {
      id: this.id(),
      type: a.type as string,
      value: a.value as string,
      ...(typeof a.source === 'string' ? { source: a.source } : {}),
      default: a.default === true || a.default === 'true',
      pinned: a.pinned === true,
      dateAdded: now,
      lastModified: now,
    };
    obj.attributes.push(attr);
    this.attributeIndex.set(attr.id, obj);
    obj.lastModified = now;
    return attr;
  }

  removeAttribute(id: number): boolean {
    const obj = this.attributeIndex.get(id);
    if (!obj) return false;
    obj.attributes = obj.attributes.filter((a) => a.id !== id);
    this.attributeIndex.delete(id);
    return true;
  }

  clearAttributes(obj: TcSimObject, onlyTypes?: Set<string>): void {
    for (const a of obj.attributes) if (!onlyTypes || onlyTypes.has(a.type)) this.attributeIndex.delete(a.id);
    obj.attributes = onlyTypes ? obj.attributes.filter((a) => !onlyTypes.has(a.type)) : [];
  }

  attribute(id: number): { obj: TcSimObject; attr: TcSimAttribute } | undefined {
    const obj = this.attributeIndex.get(id);
    const attr = obj?.attributes.find((a) => a.id === id);
    return obj && attr ? { obj, attr } : undefined;
  }

  // ---- objects ----------------------------------------------------------------------------------

  object(kind: TcSimKind, id: number): TcSimObject | undefined {
    return kind === 'group'
      ? this.groups.get(id)
      : kind === 'indicator'
        ? this.indicators.get(id)
        : this.cases.get(id);
  }

  groupByXid(ownerId: number, xid: string): TcSimGroup | undefined {
    return this.groupXids.get(`${ownerId}\u0000${xid}`);
  }

  indicatorBySummary(ownerId: number, type: string, summary: string): TcSimIndicator | undefined {
    for (const i of this.indicators.values()) {
      if (i.ownerId === ownerId && i.type === type && i.summary.toLowerCase() === summary.toLowerCase())
        return i;
    }
    return undefined;
  }

  caseByXid(xid: string): TcSimCase | undefined {
    for (const c of this.cases.values()) if (c.xid === xid) return c;
    return undefined;
  }

  newGroup(owner: TcSimOwner, type: string, name: string, xid?: string): TcSimGroup {
    if (!GROUP_TYPES.includes(type)) throw badRequest(`Invalid group type "${type}"`);
    const now = this.iso();
    const g: TcSimGroup = {
      kind: 'group',
      id: this.id(),
      ownerId: owner.id,
      ownerName: owner.name,
      type,
      name,
      ...(xid === undefined ? {} : { xid }),
      tags: [],
      attributes: [],
      securityLabels: [],
      dateAdded: now,
      lastModified: now,
    };
    this.groups.set(g.id, g);
    if (xid !== undefined) this.groupXids.set(`${owner.id}\u0000${xid}`, g);
    return g;
  }

  newIndicator(owner: TcSimOwner, type: string, summary: string): TcSimIndicator {
    const now = this.iso();
    const i: TcSimIndicator = {
      kind: 'indicator',
      id: this.id(),
      ownerId: owner.id,
      ownerName: owner.name,
      type,
      summary,
      tags: [],
      attributes: [],
      dateAdded: now,
      lastModified: now,
    };
    this.indicators.set(i.id, i);
    return i;
  }

  deleteObject(obj: TcSimObject): void {
    this.clearAttributes(obj);
    if (obj.kind === 'group' && obj.xid !== undefined)
      this.groupXids.delete(`${obj.ownerId}\u0000${obj.xid}`);
    for (const key of [...this.associations])
      if (key.split('|').includes(`${obj.kind}:${obj.id}`)) this.associations.delete(key);
    (obj.kind === 'group' ? this.groups : obj.kind === 'indicator' ? this.indicators : this.cases).delete(
      obj.id,
    );
  }

  // ---- tags and associations --------------------------------------------------------------------

  setTags(obj: TcSimObject, names: string[], mode: 'append' | 'replace' | 'delete'): void {
    for (const n of names)
      if (n.length > 128) throw badRequest(`Tag "${n.slice(0, 20)}..." is longer than 128 characters`);
    if (mode === 'replace') obj.tags = [...new Set(names)];
    else if (mode === 'append') obj.tags = [...new Set([...obj.tags, ...names])];
    else obj.tags = obj.tags.filter((t) => !names.includes(t));
    obj.lastModified = this.iso();
  }

  private key(a: TcSimObject, bKind: TcSimKind, bId: number): string {
    const x = `${a.kind}:${a.id}`;
    const y = `${bKind}:${bId}`;
    return x < y ? `${x}|${y}` : `${y}|${x}`;
  }

  associate(a: TcSimObject, bKind: TcSimKind, bId: number): void {
    if (!this.object(bKind, bId)) throw notFound(`${bKind} ${bId} not found for association`);
    if (a.kind === bKind && a.id === bId) throw badRequest('An object cannot be associated with itself');
    this.associations.add(this.key(a, bKind, bId));
  }

  dissociate(a: TcSimObject, bKind: TcSimKind, bId: number): void {
    this.associations.delete(this.key(a, bKind, bId));
  }

  associated(obj: TcSimObject, kind: TcSimKind): number[] {
    const me = `${obj.kind}:${obj.id}`;
    const out: number[] = [];
    for (const key of this.associations) {
      const [x, y] = key.split('|') as [string, string];
      const other = x === me ? y : y === me ? x : undefined;
      if (other?.startsWith(`${kind}:`)) out.push(Number(other.slice(kind.length + 1)));
    }
    return out.sort((p, q) => p - q);
  }

  associationsOf(obj: TcSimObject): TcSimAssociations {
    return {
      groups: this.associated(obj, 'group'),
      indicators: this.associated(obj, 'indicator'),
      cases: this.associated(obj, 'case'),
    };
  }

  snapshot(): TcSimState {
    const clone = <T>(x: T): T => structuredClone(x);
    return {
      owners: clone(this.owners),
      users: clone(this.users),
      attributeTypes: clone(this.attributeTypes),
      groups: [...this.groups.values()].map((g) => ({ ...clone(g), associations: this.associationsOf(g) })),
      indicators: [...this.indicators.values()].map((i) => ({
        ...clone(i),
        associations: this.associationsOf(i),
      })),
      cases: [...this.cases.values()].map((c) => ({ ...clone(c), associations: this.associationsOf(c) })),
      batchJobs: [...this.jobs.values()].map(clone),
    };
  }
}

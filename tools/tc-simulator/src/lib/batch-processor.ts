// Applies one v2 batch file to the store (threatconnect-api.md §4.4–4.5): groups upserted by xid within
// the owner, indicators by type + summary, attributeWriteType and tagWriteType honoured, per-item
// errors in ThreatConnect's `... (0xNNNN): message` reason format.
import type { SimStore } from './store';
import { GROUP_TYPES } from './store';
import type { TcSimBatchJob, TcSimGroup, TcSimIndicator, TcSimOwner } from './types';

type Item = Record<string, unknown>;

const CODES = {
  general: 'General Error (0x1001)',
  json: 'Json Syntax Error (0x1003)',
  group: 'Invalid Group (0x1006)',
  indicator: 'Invalid Indicator (0x1005)',
  association: 'Association Error (0x1009)',
  groupPartial: 'Group Partial Loss (0x2002)',
  indicatorPartial: 'Indicator Partial Loss (0x2001)',
};

const asArray = (v: unknown): Item[] =>
  Array.isArray(v) ? (v.filter((x) => typeof x === 'object' && x !== null) as Item[]) : [];
const asBool = (v: unknown): boolean => v === true || v === 'true';

export function processBatchFile(
  store: SimStore,
  job: TcSimBatchJob,
  text: string,
  failItem: () => boolean,
): void {
  const s = job.settings;
  const err = (code: string, message: string, source: unknown): void => {
    job.errors.push({
      errorReason: `${code}: ${message}`,
      errorSource: JSON.stringify(source).slice(0, 2000),
    });
  };
  let data: Item;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    data = parsed as Item;
  } catch (e) {
    err(CODES.json, `The batch file is not valid JSON (${(e as Error).message})`, text.slice(0, 200));
    job.errorCount = 1;
    return;
  }
  const owner = store.owner(String(s['owner']));
  const groups = asArray(data['group']);
  const indicators = asArray(data['indicator']);
  job.itemCount = groups.length + indicators.length;
  const halt = asBool(s['haltOnError']);
  const del = s['action'] === 'Delete';
  let halted = false;

  groups.forEach((g, index) => {
    if (halted) {
      job.unprocessCount++;
      return;
    }
    const ok = del
      ? deleteGroup(store, owner, g, index, err)
      : upsertGroup(store, owner, s, g, index, err, failItem);
    if (ok) {
      job.successCount++;
      job.successGroupCount++;
    } else {
      job.errorCount++;
      job.errorGroupCount++;
      halted = halt;
    }
  });
  indicators.forEach((i, index) => {
    if (halted) {
      job.unprocessCount++;
      return;
    }
    const ok = upsertIndicator(store, owner, s, i, index, err, failItem, del);
    if (ok) {
      job.successCount++;
      job.successIndicatorCount++;
    } else {
      job.errorCount++;
      job.errorIndicatorCount++;
      halted = halt;
    }
  });
}

type Err = (code: string, message: string, source: unknown) => void;

function deleteGroup(store: SimStore, owner: TcSimOwner, g: Item, index: number, err: Err): boolean {
  const xid = typeof g['xid'] === 'string' ? g['xid'] : '';
  const found = store.groupByXid(owner.id, xid);
  if (!found) {
    err(CODES.group, `Group with xid "${xid}" not found. Last known JSON path: '$.group[${index}]'`, g);
    return false;
  }
  store.deleteObject(found);
  return true;
}

function upsertGroup(
  store: SimStore,
  owner: TcSimOwner,
  s: Item,
  g: Item,
  index: number,
  err: Err,
  failItem: () => boolean,
): boolean {
  const where = `Last known JSON path: '$.group[${index}]'`;
  const name = g['name'];
  const xid = g['xid'];
  const type = g['type'];
  if (typeof name !== 'string' || name.trim() === '') {
    err(CODES.group, `Group name is required. ${where}`, g);
    return false;
  }
  if (typeof xid !== 'string' || xid === '') {
    err(CODES.group, `Group xid is required. ${where}`, g);
    return false;
  }
  if (typeof type !== 'string' || !GROUP_TYPES.includes(type)) {
    err(CODES.group, `Invalid group type "${String(type)}". ${where}`, g);
    return false;
  }
  if (name.length > 500) {
    err(CODES.group, `Group name is longer than 500 characters. ${where}`, g);
    return false;
  }
  if (failItem()) {
    err(CODES.general, `Encountered a simulated failure while saving group "${xid}". ${where}`, g);
    return false;
  }
  let group = store.groupByXid(owner.id, xid);
  const isNew = group === undefined;
  if (!group) group = store.newGroup(owner, type, name, xid);
  group.name = name;
  for (const f of [
    'externalDateAdded',
    'externalLastModified',
    'externalDateExpires',
    'firstSeen',
    'lastSeen',
  ] as const) {
    if (typeof g[f] === 'string') group[f] = g[f] as string;
  }
  writeAttributes(store, group, s, asArray(g['attribute']), isNew, (m) =>
    err(CODES.groupPartial, `${m} (group xid "${xid}"). ${where}`, g),
  );
  writeTags(store, group, s, asArray(g['tag']), (m) =>
    err(CODES.groupPartial, `${m} (group xid "${xid}"). ${where}`, g),
  );
  const labels = asArray(g['securityLabel']).map((l) => String(l['name']));
  group.securityLabels =
    s['securityLabelWriteType'] === 'Append' ? [...new Set([...group.securityLabels, ...labels])] : labels;
  for (const other of Array.isArray(g['associatedGroupXid']) ? (g['associatedGroupXid'] as unknown[]) : []) {
    const target = store.groupByXid(owner.id, String(other));
    if (target) store.associate(group, 'group', target.id);
    else
      err(
        CODES.association,
        `Associated group xid "${String(other)}" not found in owner ${owner.name}. ${where}`,
        g,
      );
  }
  group.lastModified = store.iso();
  return true;
}

function upsertIndicator(
  store: SimStore,
  owner: TcSimOwner,
  s: Item,
  i: Item,
  index: number,
  err: Err,
  failItem: () => boolean,
  del: boolean,
): boolean {
  const where = `Last known JSON path: '$.indicator[${index}]'`;
  const type = i['type'];
  const summary = i['summary'];
  if (typeof type !== 'string' || type === '' || typeof summary !== 'string' || summary === '') {
    err(CODES.indicator, `Indicator type and summary are required. ${where}`, i);
    return false;
  }
  let ind: TcSimIndicator | undefined = store.indicatorBySummary(owner.id, type, summary);
  if (del) {
    if (!ind) {
      err(CODES.indicator, `Indicator "${summary}" not found. ${where}`, i);
      return false;
    }
    store.deleteObject(ind);
    return true;
  }
  if (failItem()) {
    err(CODES.general, `Encountered a simulated failure while saving indicator "${summary}". ${where}`, i);
    return false;
  }
  const isNew = ind === undefined;
  if (!ind) ind = store.newIndicator(owner, type, summary);
  if (typeof i['rating'] === 'number') ind.rating = i['rating'] as number;
  if (typeof i['confidence'] === 'number') ind.confidence = i['confidence'] as number;
  if (typeof i['xid'] === 'string') ind.xid = i['xid'] as string;
  const partial = (m: string): void =>
    err(CODES.indicatorPartial, `${m} (indicator "${summary}"). ${where}`, i);
  writeAttributes(store, ind, s, asArray(i['attribute']), isNew, partial);
  writeTags(store, ind, s, asArray(i['tag']), partial);
  for (const a of asArray(i['associatedGroups'])) {
    const target = store.groupByXid(owner.id, String(a['groupXid']));
    if (target) store.associate(ind, 'group', target.id);
    else
      err(
        CODES.association,
        `Associated group xid "${String(a['groupXid'])}" not found in owner ${owner.name}. ${where}`,
        i,
      );
  }
  return true;
}

/** Invalid attributes are dropped and reported as partial loss; the item itself is still saved. */
function writeAttributes(
  store: SimStore,
  obj: TcSimGroup | TcSimIndicator,
  s: Item,
  incoming: Item[],
  isNew: boolean,
  partial: (m: string) => void,
): void {
  const mode = String(s['attributeWriteType'] ?? 'Replace');
  if (mode === 'Static' && !isNew) return;
  const valid = incoming.filter((a) => {
    const problem = store.attributeProblem(a['type'], a['value']);
    if (problem) partial(problem);
    return problem === undefined;
  });
  if (mode === 'Replace') store.clearAttributes(obj);
  if (mode === 'Singleton') store.clearAttributes(obj, new Set(valid.map((a) => String(a['type']))));
  for (const a of valid) {
    store.addAttribute(obj, {
      type: a['type'],
      value: a['value'],
      source: a['source'],
      default: a['displayed'],
      pinned: a['pinned'],
    });
  }
}

function writeTags(
  store: SimStore,
  obj: TcSimGroup | TcSimIndicator,
  s: Item,
  incoming: Item[],
  partial: (m: string) => void,
): void {
  const names: string[] = [];
  for (const t of incoming) {
    const n = t['name'];
    if (typeof n !== 'string' || n === '') partial('Tag name is required');
    else if (n.length > 128) partial(`Tag "${n.slice(0, 20)}..." is longer than 128 characters`);
    else names.push(n);
  }
  store.setTags(obj, names, s['tagWriteType'] === 'Append' ? 'append' : 'replace');
}

// Splits batch data into job files: groups first, then indicators, each file within both limits.
import { TcInvalidInputError } from '../errors';
import type { TcBatchData, TcBatchGroup, TcBatchIndicator } from '../model/batch.model';

export interface TcBatchChunk {
  data: TcBatchData;
  items: number;
  /** The exact JSON text to upload. */
  text: string;
}

export function chunkBatchData(data: TcBatchData, maxItems: number, maxBytes: number): TcBatchChunk[] {
  const out: TcBatchChunk[] = [];
  let groups: string[] = [];
  let indicators: string[] = [];
  let groupObjs: TcBatchGroup[] = [];
  let indicatorObjs: TcBatchIndicator[] = [];
  let bytes = 0;
  const envelope = Buffer.byteLength('{"group":[],"indicator":[]}');
  const flush = (): void => {
    if (groups.length + indicators.length === 0) return;
    const text = `{"group":[${groups.join(',')}],"indicator":[${indicators.join(',')}]}`;
    out.push({
      data: { group: groupObjs, indicator: indicatorObjs },
      items: groups.length + indicators.length,
      text,
    });
    groups = [];
    indicators = [];
    groupObjs = [];
    indicatorObjs = [];
    bytes = 0;
  };
  const add = (item: TcBatchGroup | TcBatchIndicator, into: 'group' | 'indicator'): void => {
    const json = JSON.stringify(item);
    const size = Buffer.byteLength(json) + 1;
    if (size + envelope > maxBytes) {
      const key = 'xid' in item && item.xid ? item.xid : 'summary' in item ? item.summary : '?';
      throw new TcInvalidInputError(
        `batch ${into} ${key} alone is ${size} bytes, more than maxBytesPerJob ${maxBytes}`,
      );
    }
    if (groups.length + indicators.length >= maxItems || bytes + size + envelope > maxBytes) flush();
    if (into === 'group') {
      groups.push(json);
      groupObjs.push(item as TcBatchGroup);
    } else {
      indicators.push(json);
      indicatorObjs.push(item as TcBatchIndicator);
    }
    bytes += size;
  };
  for (const g of data.group ?? []) add(g, 'group');
  for (const i of data.indicator ?? []) add(i, 'indicator');
  flush();
  return out;
}

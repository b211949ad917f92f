import { tcBatchGroupFactory } from '../../testing';
import { chunkBatchData } from './batch-chunks';

describe('chunkBatchData', () => {
  const groups = Array.from({ length: 12 }, (_, i) => tcBatchGroupFactory({ name: `CVE-2025-${1000 + i}` }));

  it('keeps every item, groups before indicators, at most maxItems per job', () => {
    const chunks = chunkBatchData(
      { group: groups, indicator: [{ type: 'Host', summary: 'a.example' }] },
      5,
      10_000_000,
    );
    expect(chunks.map((c) => c.items)).toEqual([5, 5, 3]);
    expect(chunks.flatMap((c) => c.data.group ?? []).map((g) => g.name)).toEqual(groups.map((g) => g.name));
    expect(chunks[2]?.data.indicator).toHaveLength(1);
    for (const c of chunks)
      expect(JSON.parse(c.text)).toEqual({ group: c.data.group, indicator: c.data.indicator });
  });

  it('respects the byte limit', () => {
    const one = Buffer.byteLength(JSON.stringify(groups[0]));
    const chunks = chunkBatchData({ group: groups }, 5000, one * 3 + 100);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(Buffer.byteLength(c.text)).toBeLessThanOrEqual(one * 3 + 100);
    expect(chunks.reduce((n, c) => n + c.items, 0)).toBe(12);
  });

  it('refuses an item larger than the byte limit instead of dropping it', () => {
    expect(() => chunkBatchData({ group: groups }, 5000, 50)).toThrow(/more than maxBytesPerJob/);
  });
});

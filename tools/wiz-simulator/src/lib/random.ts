// Deterministic, allocation-free randomness: every attribute of finding i is a hash of (seed, i, salt), so a
// million findings exist without a million objects. Finding ids encode their index through an invertible
// 32-bit permutation, so `resolve(ids)` finds them again without an id -> index map.

/** 32-bit avalanche mix (lowbias32). */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A 32-bit hash of (seed, index, salt). */
export function hash3(seed: number, index: number, salt: number): number {
  return mix32(mix32(seed ^ Math.imul(salt + 1, 0x9e3779b9)) ^ index);
}

/** Uniform in [0, 1). */
export function unit(seed: number, index: number, salt: number): number {
  return hash3(seed, index, salt) / 4294967296;
}

export function pick<T>(items: readonly T[], h: number): T {
  const item = items[h % items.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Picks by weight; `u` in [0, 1). Cumulative shares are computed once per list. */
const cumulative = new WeakMap<readonly unknown[], number[]>();
export function weighted<T>(items: readonly (readonly [T, number])[], u: number): T {
  let shares = cumulative.get(items);
  if (!shares) {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let acc = 0;
    shares = items.map(([, w]) => (acc += w / total));
    cumulative.set(items, shares);
  }
  for (let k = 0; k < shares.length; k++) {
    if (u < (shares[k] ?? 1)) return (items[k] as readonly [T, number])[0];
  }
  const last = items[items.length - 1];
  if (!last) throw new Error('weighted pick from an empty list');
  return last[0];
}

export function hex(value: number, width: number): string {
  return (value >>> 0).toString(16).padStart(8, '0').slice(-width);
}

/** A UUID-shaped string derived from (seed, index, salt). */
export function uuidFrom(seed: number, index: number, salt: number): string {
  const a = hash3(seed, index, salt);
  const b = hash3(seed, index, salt + 101);
  const c = hash3(seed, index, salt + 202);
  const d = hash3(seed, index, salt + 303);
  return `${hex(a, 8)}-${hex(b, 4)}-5${hex(b >>> 16, 3)}-${hex((c & 0x3fff) | 0x8000, 4)}-${hex(c >>> 16, 4)}${hex(d, 8)}`;
}

const MULTIPLIER = 0x2c1b3c6d;
const INVERSE = (() => {
  // Newton iteration for the inverse of an odd number modulo 2^32.
  let inv = MULTIPLIER;
  for (let k = 0; k < 5; k++) inv = Math.imul(inv, 2 - Math.imul(MULTIPLIER, inv));
  return inv >>> 0;
})();
const fold = (x: number): number => (x ^ (x >>> 16)) >>> 0;

/** An invertible permutation of 32-bit integers keyed by `key`. */
export function permute(x: number, key: number): number {
  return fold(Math.imul(fold((x ^ key) >>> 0), MULTIPLIER) >>> 0);
}

export function unpermute(y: number, key: number): number {
  return (fold(Math.imul(fold(y), INVERSE) >>> 0) ^ key) >>> 0;
}

/** The id of finding `index`: its first group is the permuted index, the rest is hash. */
export function findingIdOf(seed: number, index: number): string {
  const head = hex(permute(index, mix32(seed ^ 0x5eed)), 8);
  return head + uuidFrom(seed, index, 7).slice(8);
}

/** Inverse of `findingIdOf`; undefined when `id` is not one of ours. */
export function findingIndexOf(seed: number, id: string): number | undefined {
  if (!/^[0-9a-f]{8}-/.test(id)) return undefined;
  const index = unpermute(parseInt(id.slice(0, 8), 16), mix32(seed ^ 0x5eed));
  return findingIdOf(seed, index) === id ? index : undefined;
}

/** A small seeded PRNG (mulberry32) for fault draws. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

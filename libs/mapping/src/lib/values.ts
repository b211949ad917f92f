import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal data always encodes to the same text. */
export function canonicalJson(value: unknown, options: { dropNulls?: boolean } = {}): string {
  return JSON.stringify(sortKeys(value, options.dropNulls === true)) ?? 'null';
}

function sortKeys(value: unknown, dropNulls: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, dropNulls));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (dropNulls && (member === null || member === undefined)) continue;
    out[key] = sortKeys(member, dropNulls);
  }
  return out;
}

/** Hex sha256 of the canonical JSON of a value. */
export function stableHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

export const ELLIPSIS = '…';

/**
 * Cuts a value to at most `maxSize` UTF-16 units (how ThreatConnect counts), ending with `…`, without
 * splitting a surrogate pair. Returns the value unchanged when it fits.
 */
export function truncateValue(value: string, maxSize: number): { value: string; truncated: boolean } {
  if (value.length <= maxSize) return { value, truncated: false };
  if (maxSize <= 0) return { value: '', truncated: true };
  let end = maxSize - ELLIPSIS.length;
  const code = value.charCodeAt(end - 1);
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { value: value.slice(0, Math.max(0, end)) + ELLIPSIS, truncated: true };
}

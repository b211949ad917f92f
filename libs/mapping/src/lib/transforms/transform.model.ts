/** How EPSS values are read: `auto` takes a value above 1 as 0–100 and a value in [0, 1] as 0–1. */
export type EpssScale = 'auto' | 'fraction' | 'percent';

export interface TransformOptions {
  epssScale: EpssScale;
}

/** A transform either yields the attribute text or says, with a code, why the value cannot be used. */
export type TransformResult = { ok: true; value: string } | { ok: false; code: string; reason: string };

/** A named pure function from one non-null Wiz value to attribute text. Tables refer to it by name. */
export type Transform = (value: unknown, options: TransformOptions) => TransformResult;

export const ok = (value: string): TransformResult => ({ ok: true, value });
export const fail = (code: string, reason: string): TransformResult => ({ ok: false, code, reason });

export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
  return `${Array.isArray(value) ? 'array' : typeof value} ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}

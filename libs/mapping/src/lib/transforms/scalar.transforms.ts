import { canonicalJson } from '../values';
import { describeValue, fail, ok, type Transform } from './transform.model';

/** Strings as written (trimmed); numbers and booleans as their text. */
export const text: Transform = (value) => {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? fail('wrong-type', 'empty string') : ok(trimmed);
  }
  if (typeof value === 'number' && Number.isFinite(value)) return ok(String(value));
  if (typeof value === 'boolean') return ok(String(value));
  return fail('wrong-type', `expected text, got ${describeValue(value)}`);
};

/** A score such as 7.5: finite numbers (numeric strings accepted), written without trailing zeros. */
export const score: Transform = (value) => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n))
    return fail('wrong-type', `expected a number, got ${describeValue(value)}`);
  if (n < 0) return fail('out-of-range', `score ${n} is negative`);
  return ok(String(Math.round(n * 1000) / 1000));
};

/** `true` / `false`; the strings "true" and "false" (any case) are accepted. */
export const boolean: Transform = (value) => {
  if (typeof value === 'boolean') return ok(String(value));
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
    return ok(value.trim().toLowerCase());
  return fail('wrong-type', `expected a boolean, got ${describeValue(value)}`);
};

/** Objects as compact JSON with sorted keys and null members left out (so equal objects read equal). */
export const json: Transform = (value) => {
  if (typeof value === 'string') return text(value, { epssScale: 'auto' });
  if (typeof value !== 'object' || value === null)
    return fail('wrong-type', `expected an object, got ${describeValue(value)}`);
  const encoded = canonicalJson(value, { dropNulls: true });
  return encoded === '{}' || encoded === '[]' ? fail('wrong-type', 'empty object') : ok(encoded);
};

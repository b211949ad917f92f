import { describeValue, fail, ok, type Transform } from './transform.model';

/** ISO-8601 UTC to the second, as ThreatConnect writes dates: `2024-06-03T04:02:17Z`. */
export function toIsoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Any date `Date.parse` understands (Wiz sends microseconds or seconds, always UTC). */
export const isoDate: Transform = (value) => {
  if (typeof value !== 'string' || value.trim() === '')
    return fail('wrong-type', `expected a date, got ${describeValue(value)}`);
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? fail('invalid-date', `'${value}' is not a date`) : ok(toIsoSeconds(ms));
};

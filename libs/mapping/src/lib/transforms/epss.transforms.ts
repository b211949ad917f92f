import { describeValue, fail, ok, type Transform } from './transform.model';

/**
 * EPSS percentile or probability, written as a percentage (`99.8%`, up to 3 decimals). Wiz tenants
 * have sent both scales; with `epssScale: 'auto'` (the default) a value above 1 is read on the 0–100
 * scale and a value in [0, 1] on the 0–1 scale. Tenants whose percent values can fall to 1 or below
 * should set `epssScale: 'percent'`. Values below 0 or above 100 are reported, not written.
 */
export const epss: Transform = (value, options) => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n))
    return fail('wrong-type', `expected a number, got ${describeValue(value)}`);
  const percent =
    options.epssScale === 'percent' ? n : options.epssScale === 'fraction' ? n * 100 : n > 1 ? n : n * 100;
  if (percent < 0 || percent > 100) return fail('out-of-range', `EPSS value ${n} is outside its scale`);
  return ok(`${Math.round(percent * 1000) / 1000}%`);
};

import { isoDate } from './date.transforms';
import { epss } from './epss.transforms';
import { boolean, json, score, text } from './scalar.transforms';
import { severity, status } from './severity.transforms';
import type { Transform } from './transform.model';

/** The transforms tables can name. Add one here (a named pure function) to use it in a table row. */
export const BUILTIN_TRANSFORMS: Readonly<Record<string, Transform>> = Object.freeze({
  text,
  score,
  boolean,
  json,
  severity,
  status,
  isoDate,
  epss,
});

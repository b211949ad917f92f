import type { WizVulnerabilityFinding } from '@wiztc/wiz-client/model';

export interface InputError {
  /** 1-based line of the input where the bad entry starts. */
  line: number;
  message: string;
}

export interface ReadResult {
  findings: WizVulnerabilityFinding[];
  errors: InputError[];
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function checkFinding(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'a finding must be a JSON object';
  const id = (value as { id?: unknown }).id;
  if (typeof id !== 'string' || id.trim() === '') return "a finding needs a string 'id'";
  return null;
}

/** Splits a JSON array's top-level elements with the offset each starts at (strings and nesting aware). */
function splitArray(
  text: string,
  start: number,
): { offset: number; source: string }[] | { error: string; offset: number } {
  const items: { offset: number; source: string }[] = [];
  let depth = 0;
  let inString = false;
  let itemStart = -1;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (itemStart < 0 && !/\s/.test(c) && c !== ',' && !(depth === 0 && c === ']')) itemStart = i;
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) {
        if (itemStart >= 0) items.push({ offset: itemStart, source: text.slice(itemStart, i) });
        const rest = text.slice(i + 1).trim();
        return rest === '' ? items : { error: 'unexpected text after the closing ]', offset: i + 1 };
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      items.push({
        offset: itemStart < 0 ? i : itemStart,
        source: itemStart < 0 ? '' : text.slice(itemStart, i),
      });
      itemStart = -1;
    }
  }
  return { error: 'the JSON array is not closed', offset: text.length };
}

function parseItem(source: string, line: number, into: ReadResult): void {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    into.errors.push({ line, message: `invalid JSON (${(error as Error).message})` });
    return;
  }
  const problem = checkFinding(value);
  if (problem) into.errors.push({ line, message: problem });
  else into.findings.push(value as WizVulnerabilityFinding);
}

/**
 * Reads findings from a JSON array, NDJSON (one finding a line; blank lines skipped), a fixture file
 * (`{ "findings": [...] }`) or one pretty-printed finding. A bad entry
 * becomes an error naming its line; every other entry is still read.
 */
export function readFindings(text: string): ReadResult {
  const result: ReadResult = { findings: [], errors: [] };
  const first = text.search(/\S/);
  if (first < 0) return result;
  if (text[first] === '[') {
    const items = splitArray(text, first);
    if (!Array.isArray(items)) {
      result.errors.push({ line: lineAt(text, items.offset), message: items.error });
      return result;
    }
    for (const item of items) parseItem(item.source, lineAt(text, item.offset), result);
    return result;
  }
  const whole = wholeObject(text);
  if (whole) {
    // A fixture file ({ "findings": [...] }) or one pretty-printed finding.
    const findings = Array.isArray(whole['findings']) ? (whole['findings'] as unknown[]) : [whole];
    for (const finding of findings) parseItem(JSON.stringify(finding), 1, result);
    return result;
  }
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() !== '') parseItem(raw, index + 1, result);
  });
  return result;
}

/** The input as one JSON object, when it is one that spans several lines (not NDJSON). */
function wholeObject(text: string): Record<string, unknown> | null {
  if (!text.trim().startsWith('{') || text.trim().split('\n').length < 2) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

// Building TQL text safely: quoted strings with ThreatConnect's escapes (threatconnect-api.md §2.6).

export function tqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function tqlIn(keyword: string, values: readonly string[]): string {
  return `${keyword} in (${values.map(tqlString).join(',')})`;
}

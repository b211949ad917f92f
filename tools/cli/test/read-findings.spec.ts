import { readFindings } from '../src/lib/read-findings';

describe('readFindings', () => {
  it('reads NDJSON, skipping blank lines, and names each bad line', () => {
    const text = [
      '{"id":"a","name":"CVE-1"}',
      '',
      '{"id":"b",',
      '[1]',
      '{"name":"no id"}',
      '{"id":"c"}',
    ].join('\n');
    const { findings, errors } = readFindings(text);
    expect(findings.map((f) => f.id)).toEqual(['a', 'c']);
    expect(errors.map((e) => [e.line, e.message.split(' (')[0]])).toEqual([
      [3, 'invalid JSON'],
      [4, 'a finding must be a JSON object'],
      [5, "a finding needs a string 'id'"],
    ]);
  });

  it('reads a pretty-printed JSON array and names the line where a bad element starts', () => {
    const text =
      '[\n  {\n    "id": "a", "note": "has ] and , inside \\" quotes"\n  },\n  "oops",\n  {"id": "b"}\n]\n';
    const { findings, errors } = readFindings(text);
    expect(findings.map((f) => f.id)).toEqual(['a', 'b']);
    expect(errors).toEqual([{ line: 5, message: 'a finding must be a JSON object' }]);
  });

  it('reports an unclosed array and empty input', () => {
    expect(readFindings('[\n{"id":"a"},\n').errors).toEqual([
      { line: 3, message: 'the JSON array is not closed' },
    ]);
    expect(readFindings('  \n')).toEqual({ findings: [], errors: [] });
    expect(readFindings('[]')).toEqual({ findings: [], errors: [] });
  });

  it('reads a fixture file ({ "findings": [...] }) and one pretty-printed finding', () => {
    const fixture = JSON.stringify(
      { scenario: 'x', findings: [{ id: 'a', name: 'CVE-1' }, { name: 'no id' }] },
      null,
      2,
    );
    const read = readFindings(fixture);
    expect(read.findings).toEqual([{ id: 'a', name: 'CVE-1' }]);
    expect(read.errors).toEqual([{ line: 1, message: "a finding needs a string 'id'" }]);
    expect(readFindings(JSON.stringify({ id: 'b', name: 'CVE-2' }, null, 2)).findings).toEqual([
      { id: 'b', name: 'CVE-2' },
    ]);
  });
});

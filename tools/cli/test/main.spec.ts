// Spawns the CLI exactly as `npm run wiztc` does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findingFactory } from '@wiztc/mapping/testing';

const root = resolve(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'wiztc-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function wiztc(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/cli/src/main.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('wiztc map', () => {
  it('maps a JSON array: one group and one case per vulnerability', () => {
    const file = join(dir, 'findings.json');
    writeFileSync(
      file,
      JSON.stringify([
        findingFactory({ name: 'CVE-2024-1' }),
        findingFactory({ name: 'cve-2024-1' }),
        findingFactory({ name: 'GHSA-aaaa-bbbb-cccc', epssPercentile: 250 }),
      ]),
    );
    const { code, stdout, stderr } = wiztc(['map', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.groups.map((g: { name: string }) => g.name)).toEqual(['CVE-2024-1', 'GHSA-aaaa-bbbb-cccc']);
    expect(out.cases.map((c: { name: string }) => c.name)).toEqual([
      'Wiz - Finding - CVE-2024-1',
      'Wiz - Finding - GHSA-aaaa-bbbb-cccc',
    ]);
    expect(out.cases[0].assetCount).toBe(2);
    expect(out.issues).toEqual([
      expect.objectContaining({ code: 'out-of-range', attributeType: 'EPSS Percentile' }),
    ]);
  });

  it('reports a bad NDJSON line by number, exits 2, and still maps the other findings (stdin)', () => {
    const input = [
      JSON.stringify(findingFactory({ name: 'CVE-2024-7' })),
      '{"id": "broken",',
      JSON.stringify(findingFactory({ name: 'CVE-2024-8' })),
    ].join('\n');
    const { code, stdout, stderr } = wiztc(['map', '-'], input);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^wiztc map: stdin: line 2: invalid JSON/);
    expect(JSON.parse(stdout).groups.map((g: { name: string }) => g.name)).toEqual([
      'CVE-2024-7',
      'CVE-2024-8',
    ]);
  });

  it('exits 2 with a clear message for a missing file', () => {
    const { code, stderr } = wiztc(['map', join(dir, 'absent.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read');
  });
});

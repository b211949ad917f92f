// Golden tests: one scenario per fixtures/<case>.json, its exact output in expected/<case>.json.
// After a deliberate mapping change: `UPDATE_GOLDEN=1 npx nx test case-aggregation`, then review the diff.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- specs read and write golden files
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- specs read and write golden files
import { join } from 'node:path';
import type { WizVulnerabilityFinding } from '@wiztc/wiz-client/model';
import { aggregateCase, type CaseOptions } from '../src';

const root = join(__dirname, '..');
const cases = readdirSync(join(root, 'fixtures')).filter((file) => file.endsWith('.json'));

interface Fixture {
  scenario: string;
  options?: CaseOptions;
  findings: WizVulnerabilityFinding[];
}

describe('case-aggregation golden fixtures', () => {
  it('has one expected file per fixture and no orphan', () => {
    expect(readdirSync(join(root, 'expected')).sort()).toEqual([...cases].sort());
  });

  it.each(cases)('%s', (file) => {
    const fixture = JSON.parse(readFileSync(join(root, 'fixtures', file), 'utf8')) as Fixture;
    const actual = aggregateCase(fixture.findings, fixture.options);
    const expectedPath = join(root, 'expected', file);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(expectedPath)) {
      writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    // Order never matters.
    expect(aggregateCase([...fixture.findings].reverse(), fixture.options)).toEqual(actual);
  });
});

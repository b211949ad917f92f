import { normalizeVulnerabilityName } from '@wiztc/mapping';
import type { TcSimulator } from '@wiztc/tc-simulator';
import type { WizSimulator } from '@wiztc/wiz-simulator';
import {
  createPipelineFixture,
  runJob,
  startTc,
  startWiz,
  TEST_SETTINGS,
  type PipelineFixture,
} from './support/pipeline-fixture';

describe('pipeline details on a small data set', () => {
  let wiz: WizSimulator;
  let tc: TcSimulator;
  let f: PipelineFixture;
  let window: { start: string; end: string };
  let names: string[];

  beforeAll(async () => {
    wiz = await startWiz({ findingCount: 400, vulnerabilityCount: 25, seed: 11 });
    tc = await startTc();
    f = await createPipelineFixture(wiz, tc);
    const end = wiz.now();
    window = { start: new Date(Date.parse(end) - 61 * 86_400_000).toISOString(), end };
    const ids = wiz.expectedIds({
      updatedAfter: window.start,
      updatedBefore: window.end,
      exploitFilter: 'none',
      statuses: ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED'],
    });
    names = [...new Set(ids.map((id) => normalizeVulnerabilityName(wiz.finding(id)?.name) as string))].sort();
  });

  afterAll(async () => {
    await f.close();
    await wiz.close();
    await tc.close();
  });

  it('bounds what convert loads at once by stored findings, never splitting a vulnerability', async () => {
    const job = await runJob(
      f,
      f.pipeline({ settings: { ...TEST_SETTINGS, convertMaxFindings: 1 } }),
      window,
    );
    expect(job.status).toBe('completed');
    const parts = (await f.db.dataSource.query(
      `SELECT part, items FROM job_file WHERE job_id = $1 AND kind = 'cases' ORDER BY part`,
      [job.id],
    )) as { part: number; items: number }[];
    // With a bound of one finding, each part holds exactly one whole vulnerability, whatever its size.
    expect(parts).toHaveLength(names.length);
    expect(parts.every((p) => p.items === 1)).toBe(true);
    expect(tc.state().cases).toHaveLength(names.length);
  });
});

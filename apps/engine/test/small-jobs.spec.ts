import type { TcSimulator } from '@wiztc/tc-simulator';
import type { WizSimulator } from '@wiztc/wiz-simulator';
import {
  createPipelineFixture,
  runJob,
  startTc,
  startWiz,
  TEST_SETTINGS,
  type PipelineFixture,
  wholeWindow,
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
    const whole = wholeWindow(wiz);
    window = whole.window;
    names = [...whole.vulnerabilities].sort();
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

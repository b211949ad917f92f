import { gunzipSync } from 'node:zlib';
import type {
  BatchErrorRow,
  BatchErrorTypeSummary,
  CreatedApiKey,
  DashboardSummary,
  JobDetails,
  JobSummary,
  Page,
  TaskSummary,
  TenantSettings,
} from '@wiztc/contracts';
import type { TcSimulator } from '@wiztc/tc-simulator';
import type { WizSimulator } from '@wiztc/wiz-simulator';
import { JobRunner } from '../src/jobs/job-runner';
import type { TestApp } from './harness';
import { call } from './http';
import { bootEngine, createTenant, DAY, movableClock } from './support/engine-fixture';
import { TC_CREDENTIALS, startTc, startWiz } from './support/pipeline-fixture';

/** Every route with its filters, and the security rules, against one completed and one failed job. */
describe('REST API: every route, its filters, authentication, tenant isolation, secrets', () => {
  let wiz: WizSimulator;
  let tc: TcSimulator;
  let t: TestApp;
  let mine: TenantSettings;
  let theirs: TenantSettings;
  let orgKey: string;
  let completed: JobSummary;
  let failed: JobSummary;
  let pending: JobSummary;
  const texts: string[] = [];
  let secrets: string[];

  /** Every answer is kept, to prove no secret is ever in one. */
  const api = async <T = Record<string, unknown>>(
    method: string,
    route: string,
    key?: string,
    body?: unknown,
  ) => {
    const response = await call<T>(t.baseUrl, method, route, { key: key ?? t.adminKey, body });
    texts.push(response.text);
    return response;
  };
  const raw = async (route: string, key = t.adminKey) => {
    const response = await fetch(`${t.baseUrl}/api/v1${route}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    wiz = await startWiz({ findingCount: 400, vulnerabilityCount: 60 });
    tc = await startTc();
    t = await bootEngine(movableClock(wiz.now(), { ticking: true }), { wiz, logLevels: [] });
    mine = await createTenant(t, {}, { wiz, tc });
    // Another tenant whose Wiz credentials are refused: its job fails.
    theirs = await createTenant(
      t,
      { wizClientId: 'nobody-knows-me', sourceName: 'Other Source', name: 'Other' },
      { wiz, tc },
    );
    // The one answer that shows a key (once, at creation) is left out of the answers checked for secrets.
    const key = await call<CreatedApiKey>(t.baseUrl, 'POST', '/api-keys', {
      key: t.adminKey,
      body: { name: 'org admin', tenantId: mine.id },
    });
    orgKey = key.body.key;
    const window = {
      startTime: new Date(Date.parse(wiz.now()) - 61 * DAY).toISOString(),
      endTime: wiz.now(),
    };
    completed = (await api<JobSummary>('POST', `/tenants/${mine.id}/jobs`, orgKey, window)).body;
    failed = (await api<JobSummary>('POST', `/tenants/${theirs.id}/jobs`, t.adminKey, window)).body;
    const runner = t.app.get(JobRunner);
    await runner.tick();
    await runner.idle();
    pending = (await api<JobSummary>('POST', `/tenants/${mine.id}/jobs`, orgKey, {})).body;
    const addError = (jobId: string, type: string, reason: string) =>
      t.database.dataSource.query(
        `INSERT INTO batch_error (tenant_id, job_id, stage, type, reason, message) VALUES ($1, $2, 'upload', $3, $4, $5)`,
        [mine.id, jobId, type, reason, `detail of ${reason}`],
      );
    await addError(completed.id, 'T-test-a', 'Attribute value too long');
    await addError(completed.id, 'T-test-a', 'Attribute type unknown');
    await addError(pending.id, 'T-test-a', 'Attribute value 100%_done');
    await addError(pending.id, 'T-test-b', 'Group name empty');
    secrets = [wiz.clientSecret, TC_CREDENTIALS.secretKey, t.adminKey, orgKey];
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await wiz?.close();
    await tc?.close();
  });

  it('ran one job to completion and failed the other with its reason', async () => {
    expect((await api<JobDetails>('GET', `/tenants/${mine.id}/jobs/${completed.id}`)).body.status).toBe(
      'completed',
    );
    const other = await api<JobDetails>('GET', `/tenants/${theirs.id}/jobs/${failed.id}`);
    expect(other.body.status).toBe('failed');
    expect(other.body.error).toMatch(/^download: /);
  });

  it('lists jobs with the job id, type and status filters, paging and sorting', async () => {
    const route = `/tenants/${mine.id}/jobs`;
    const all = await api<Page<JobSummary>>('GET', route);
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((j) => j.id)).toEqual([pending.id, completed.id]); // newest first
    const asc = await api<Page<JobSummary>>('GET', `${route}?sort=number&order=asc`);
    expect(asc.body.items.map((j) => j.id)).toEqual([completed.id, pending.id]);
    const byNumber = await api<Page<JobSummary>>('GET', `${route}?jobId=${completed.number}`);
    expect(byNumber.body.items.map((j) => j.id)).toContain(completed.id);
    const byUuid = await api<Page<JobSummary>>('GET', `${route}?jobId=${completed.id.slice(0, 8)}`);
    expect(byUuid.body.items.map((j) => j.id)).toEqual([completed.id]);
    expect(
      (await api<Page<JobSummary>>('GET', `${route}?status=completed`)).body.items.map((j) => j.id),
    ).toEqual([completed.id]);
    expect(
      (await api<Page<JobSummary>>('GET', `${route}?status=pending,failed`)).body.items.map((j) => j.id),
    ).toEqual([pending.id]);
    expect((await api<Page<JobSummary>>('GET', `${route}?type=initial`)).body.total).toBe(0);
    expect((await api<Page<JobSummary>>('GET', `${route}?type=adhoc&status=completed`)).body.total).toBe(1);
    const page2 = await api<Page<JobSummary>>('GET', `${route}?page=2&pageSize=1`);
    expect(page2.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page2.body.items.map((j) => j.id)).toEqual([completed.id]);
    for (const bad of ['status=done', 'type=weekly', 'pageSize=0', 'sort=colour', 'page=x', 'colour=blue']) {
      const refused = await api('GET', `${route}?${bad}`);
      expect(refused.status).toBe(400);
      expect(typeof refused.body['message']).toBe('string');
    }
  });

  it("serves a job's details: window, stage times, counts and progress", async () => {
    const details = (await api<JobDetails>('GET', `/tenants/${mine.id}/jobs/${completed.number}`)).body;
    const expected = wiz.expectedIds({
      updatedAfter: details.windowStart,
      updatedBefore: details.windowEnd,
      exploitFilter: 'none',
    });
    expect(details.id).toBe(completed.id);
    expect(details.stages.map((s) => s.stage)).toEqual([
      'download',
      'convert',
      'upload',
      'cases',
      'correlate',
    ]);
    for (const s of details.stages) {
      expect(s.status).toBe('completed');
      expect(Date.parse(s.completedAt as string)).toBeGreaterThanOrEqual(Date.parse(s.startedAt as string));
    }
    expect(details.stages[0]?.progress).toEqual({ done: expected.length, total: expected.length });
    expect(details.counts.downloadedFindings).toBe(expected.length);
    expect(details.counts.vulnerabilities).toBeGreaterThan(0);
    expect(details.counts.groupsSucceeded).toBe(details.counts.vulnerabilities);
    expect(details.counts.casesCreated).toBe(details.counts.vulnerabilities);
    expect(details.counts.errors).toBe(2);
    expect(details.files.map((f) => f.kind)).toEqual(expect.arrayContaining(['metadata', 'download']));
    expect((await api('GET', `/tenants/${mine.id}/jobs/999999`)).status).toBe(404);
    expect((await api('GET', `/tenants/${mine.id}/jobs/${failed.id}`)).status).toBe(404); // another tenant's job
  });

  it('lists and downloads job files: metadata for every finished job, data only for completed ones', async () => {
    const list = await api<{ kind: string; bytes: number; items: number }[]>(
      'GET',
      `/tenants/${mine.id}/jobs/${completed.id}/files`,
    );
    expect(list.status).toBe(200);
    expect(list.body.every((f) => f.bytes > 0)).toBe(true);
    const download = await raw(`/tenants/${mine.id}/jobs/${completed.id}/files/download`);
    expect(download.status).toBe(200);
    expect(download.type).toContain('application/gzip');
    const lines = gunzipSync(download.body).toString('utf8').split('\n').filter(Boolean);
    expect(lines.length).toBe(
      list.body.filter((f) => f.kind === 'download').reduce((n, f) => n + f.items, 0),
    );
    const metadata = await raw(`/tenants/${theirs.id}/jobs/${failed.id}/files/metadata`);
    expect(metadata.status).toBe(200);
    const meta = JSON.parse(gunzipSync(metadata.body).toString('utf8').trim()) as {
      job: { id: string; status: string };
    };
    expect(meta.job).toMatchObject({ id: failed.id, status: 'failed' });
    const refused = await api('GET', `/tenants/${theirs.id}/jobs/${failed.id}/files/download`);
    expect(refused.status).toBe(409);
    expect(refused.body['message']).toBe(
      'Data files are available once the job has completed (it is failed)',
    );
    expect((await api('GET', `/tenants/${mine.id}/jobs/${completed.id}/files/secrets`)).status).toBe(400);
  });

  it('retries a failed job and refuses to retry one that is not failed, with the reason', async () => {
    const refused = await api('POST', `/tenants/${mine.id}/jobs/${completed.id}/retry`);
    expect(refused.status).toBe(409);
    expect(refused.body['message']).toContain('is completed');
    const retried = await api<JobSummary>('POST', `/tenants/${theirs.id}/jobs/${failed.id}/retry`);
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ id: failed.id, status: 'pending', error: null });
  });

  it('groups batch errors by type with counts, filters by job id, and lists one type filtered by reason', async () => {
    const route = `/tenants/${mine.id}/batch-errors`;
    const types = (await api<BatchErrorTypeSummary[]>('GET', route)).body.filter((x) =>
      x.type.startsWith('T-test'),
    );
    expect(types.map((x) => [x.type, x.count])).toEqual([
      ['T-test-a', 3],
      ['T-test-b', 1],
    ]);
    const ofPending = (await api<BatchErrorTypeSummary[]>('GET', `${route}?jobId=${pending.id}`)).body;
    expect(ofPending.map((x) => [x.type, x.count])).toEqual([
      ['T-test-a', 1],
      ['T-test-b', 1],
    ]);
    const rows = await api<Page<BatchErrorRow>>('GET', `${route}/T-test-a?reason=attribute%20value`);
    expect(rows.body.total).toBe(2);
    expect(rows.body.items.every((r) => /attribute value/i.test(r.reason))).toBe(true);
    const literal = await api<Page<BatchErrorRow>>('GET', `${route}/T-test-a?reason=100%25_`);
    expect(literal.body.items.map((r) => r.reason)).toEqual(['Attribute value 100%_done']);
    const both = await api<Page<BatchErrorRow>>(
      'GET',
      `${route}/T-test-a?jobId=${completed.id}&pageSize=1&page=2`,
    );
    expect(both.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(both.body.items[0]?.jobId).toBe(completed.id);
  });

  it('serves the dashboard', async () => {
    const dashboard = (await api<DashboardSummary>('GET', `/tenants/${mine.id}/dashboard`, orgKey)).body;
    const [f] = (await t.database.dataSource.query(
      `SELECT count(DISTINCT vulnerability_name)::int AS v, count(DISTINCT (vulnerability_name, asset_id))::int AS p FROM finding WHERE tenant_id = $1`,
      [mine.id],
    )) as [{ v: number; p: number }];
    expect(dashboard.findingsRetrieved).toBe(f.v + f.p);
    expect(dashboard.vulnerabilities).toBe(f.v);
    expect(dashboard.jobs).toMatchObject({ completed: 1, pending: 1 });
    expect(Object.values(dashboard.bySeverity).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(dashboard.openCases).toBeGreaterThan(0);
    expect(dashboard.lastCompletedJobAt).not.toBeNull();
  });

  it('serves settings without secrets, and health and readiness without a key', async () => {
    const settings = await api<TenantSettings>('GET', `/tenants/${mine.id}`, orgKey);
    expect(settings.body).toMatchObject({ id: mine.id, wizClientSecretSet: true, tcSecretKeySet: true });
    expect((await call(t.baseUrl, 'GET', '/health')).status).toBe(200);
    expect((await call(t.baseUrl, 'GET', '/health/ready')).body).toMatchObject({ status: 'ready' });
  });

  it('documents every route in the OpenAPI document and answers 401 on each without credentials but health', async () => {
    const document = (await (await fetch(`${t.baseUrl}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const paths = Object.keys(document.paths);
    for (const route of [
      '/api/v1/tenants/{tenantId}/jobs',
      '/api/v1/tenants/{tenantId}/jobs/{jobId}',
      '/api/v1/tenants/{tenantId}/jobs/{jobId}/retry',
      '/api/v1/tenants/{tenantId}/jobs/{jobId}/files',
      '/api/v1/tenants/{tenantId}/jobs/{jobId}/files/{kind}',
      '/api/v1/tenants/{tenantId}/tasks',
      '/api/v1/tenants/{tenantId}/tasks/analytics',
      '/api/v1/tenants/{tenantId}/tasks/{taskId}/run',
      '/api/v1/tenants/{tenantId}/tasks/{taskId}/pause',
      '/api/v1/tenants/{tenantId}/tasks/{taskId}/resume',
      '/api/v1/tenants/{tenantId}/tasks/{taskId}/kill',
      '/api/v1/tenants/{tenantId}/batch-errors',
      '/api/v1/tenants/{tenantId}/batch-errors/{type}',
      '/api/v1/tenants/{tenantId}/dashboard',
      '/api/v1/tenants',
      '/api/v1/tenants/{tenantId}',
      '/api/v1/health',
      '/api/v1/health/ready',
    ]) {
      expect(paths).toContain(route);
    }
    const task = (await api<TaskSummary[]>('GET', `/tenants/${mine.id}/tasks`)).body[0] as TaskSummary;
    const values: Record<string, string> = {
      tenantId: mine.id,
      jobId: completed.id,
      kind: 'metadata',
      taskId: task.id,
      type: 'T-test-a',
      apiKeyId: '00000000-0000-4000-8000-000000000000',
    };
    let checked = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      const route = path
        .replace('/api/v1', '')
        .replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? 'x');
      for (const method of Object.keys(methods)) {
        const response = await call(
          t.baseUrl,
          method.toUpperCase(),
          route,
          method === 'get' ? {} : { body: {} },
        );
        if (path.startsWith('/api/v1/health')) expect(response.status).toBe(200);
        else {
          expect([method, path, response.status]).toEqual([method, path, 401]);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("answers an organization administrator 404 on another tenant's job, tasks, batch errors and dashboard", async () => {
    const theirTask = (await api<TaskSummary[]>('GET', `/tenants/${theirs.id}/tasks`)).body[0] as TaskSummary;
    for (const [method, route] of [
      ['GET', `/tenants/${theirs.id}/jobs`],
      ['GET', `/tenants/${theirs.id}/jobs/${failed.id}`],
      ['POST', `/tenants/${theirs.id}/jobs/${failed.id}/retry`],
      ['GET', `/tenants/${theirs.id}/jobs/${failed.id}/files/metadata`],
      ['GET', `/tenants/${theirs.id}/tasks`],
      ['POST', `/tenants/${theirs.id}/tasks/${theirTask.id}/pause`],
      ['GET', `/tenants/${theirs.id}/batch-errors`],
      ['GET', `/tenants/${theirs.id}/dashboard`],
      // Through its own tenant's routes, another tenant's objects do not exist either.
      ['GET', `/tenants/${mine.id}/jobs/${failed.id}`],
      ['GET', `/tenants/${mine.id}/jobs/${failed.id}/files`],
      ['POST', `/tenants/${mine.id}/tasks/${theirTask.id}/pause`],
    ] as const) {
      const response = await api(method, route, orgKey);
      expect([route, response.status]).toEqual([route, 404]);
    }
    expect((await api<TaskSummary[]>('GET', `/tenants/${theirs.id}/tasks`)).body[0]?.status).toBe('idle');
  });

  it('never returns a secret and never logs one during the whole run', async () => {
    expect(texts.length).toBeGreaterThan(40);
    const answers = texts.join('\n');
    const logs = t.logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(answers).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
    expect(answers).not.toContain('PLAINTEXT');
    expect(logs).not.toContain('PLAINTEXT');
  });
});

import type { TcSimulator } from '@wiztc/tc-simulator';
import { DEFAULT_TC_SIM_ATTRIBUTE_TYPES, startTcSimulator } from '@wiztc/tc-simulator';
import type { WizSimulator } from '@wiztc/wiz-simulator';
import type { WizConfig } from '../src/config/wiz.config';
import { preflightCheck } from '../src/integrations/preflight';
import type { TenantRuntimeSettings } from '../src/tenants/tenant-runtime-settings';
import { COMMUNITY, ORG, SOURCE, startTc, startWiz, TC_CREDENTIALS } from './support/pipeline-fixture';

describe('preflight check against the live services', () => {
  let wiz: WizSimulator;
  let tc: TcSimulator;
  let wizConfig: WizConfig;

  beforeAll(async () => {
    wiz = await startWiz({ findingCount: 10, vulnerabilityCount: 5 });
    tc = await startTc();
    wizConfig = { endpoints: { authUrl: wiz.authUrl, apiUrl: wiz.apiUrl }, requestsPerSecond: 'unlimited' };
  });

  afterAll(async () => {
    await wiz.close();
    await tc.close();
  });

  const settings = (over: Partial<TenantRuntimeSettings> = {}): TenantRuntimeSettings => ({
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Acme',
    tcOrganization: ORG,
    sourceName: SOURCE,
    activateDeprecation: false,
    createAttributes: false,
    wizEnvironment: 'app.wiz.io',
    wizDataCenter: 'us1',
    wizClientId: wiz.clientId,
    wizClientSecret: wiz.clientSecret,
    ownersToScan: [COMMUNITY],
    groupTypesToScan: ['Threat'],
    indicatorTypesToScan: ['Host'],
    assignee: null,
    exploitFilter: 'hasExploit',
    runAfterDeployment: false,
    tcApiUrl: tc.url,
    tcAccessId: TC_CREDENTIALS.accessId,
    tcSecretKey: TC_CREDENTIALS.secretKey,
    scheduleIntervalMinutes: 60,
    initialBackfillDays: 30,
    maxRestartAttempts: 3,
    retentionDays: 30,
    enabled: true,
    ...over,
  });

  it('passes when the Wiz token works, the owners are visible and every attribute type exists', async () => {
    await expect(preflightCheck(wizConfig)(settings())).resolves.toEqual({ ok: true, problems: [] });
  });

  it('names each problem: refused Wiz credentials, an invisible owner', async () => {
    const report = await preflightCheck(wizConfig)(
      settings({ wizClientSecret: 'wrong-secret', ownersToScan: ['Nobody Community'] }),
    );
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.stringMatching(/^Wiz: /),
      "ThreatConnect: owner 'Nobody Community' is not visible to the API user",
    ]);
    expect(report.problems.join(' ')).not.toContain('wrong-secret');
  });

  it('lists the missing attribute types by name', async () => {
    const partial = await startTcSimulator({
      ...TC_CREDENTIALS,
      organization: ORG,
      sources: [SOURCE],
      communities: [COMMUNITY],
      attributeTypes: DEFAULT_TC_SIM_ATTRIBUTE_TYPES.filter(
        (t) => t.name !== 'EPSS Percentile' && t.name !== 'Max High Severity Count',
      ),
    });
    try {
      const report = await preflightCheck(wizConfig)(settings({ tcApiUrl: partial.url }));
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        'ThreatConnect: 2 attribute type(s) missing (see docs/attribute-types.md): EPSS Percentile, Max High Severity Count',
      ]);
    } finally {
      await partial.close();
    }
  });
});

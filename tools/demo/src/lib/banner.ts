import type { SeededTagged } from './demo-simulators';

export interface BannerFacts {
  readonly apiBase: string;
  readonly adminKey: string;
  readonly stateFile: string;
  readonly dataDir: string;
  readonly tenantId: string;
  readonly tenantName: string;
  readonly backfillDays: number;
  readonly wiz: {
    url: string;
    clientId: string;
    clientSecret: string;
    findings: number;
    vulnerabilities: number;
  };
  readonly tc: { url: string; accessId: string; secretKey: string; organization: string; source: string };
  readonly seeded: readonly SeededTagged[];
}

/** What the newcomer reads once everything is up: where to look, how to call it, the demo credentials. */
export function formatBanner(f: BannerFacts): string {
  const tenant = `${f.apiBase}/tenants/${f.tenantId}`;
  const auth = `-H "Authorization: Bearer $WIZTC_KEY"`;
  const simState = `${f.tc.url.replace(/\/api$/, '')}/_sim/state`;
  return [
    '',
    '================================ wiztc demo ================================',
    `Engine API     ${f.apiBase}`,
    `OpenAPI        ${f.apiBase}/openapi.json`,
    `Health         ${f.apiBase}/health/ready`,
    `Admin API key  ${f.adminKey}`,
    `               (system administrator; kept in ${f.stateFile} and reused on restart)`,
    `Demo tenant    ${f.tenantId} (${f.tenantName}): first job collects the past ${f.backfillDays} days, at once; then hourly`,
    '',
    'Try:',
    `  export WIZTC_KEY=${f.adminKey}`,
    `  curl -s ${auth} ${tenant}/jobs`,
    `  curl -s ${auth} ${tenant}/jobs/<jobId>`,
    `  curl -s ${auth} ${tenant}/dashboard`,
    `  curl -s ${auth} ${tenant}/tasks`,
    `  curl -s ${auth} ${tenant}/batch-errors`,
    '',
    'Simulated services (stand-ins for Wiz and ThreatConnect, on loopback):',
    `  Wiz            ${f.wiz.url}  ${f.wiz.findings} findings over ${f.wiz.vulnerabilities} vulnerabilities`,
    `                 client id ${f.wiz.clientId}, client secret ${f.wiz.clientSecret}`,
    `  ThreatConnect  ${f.tc.url}  Organization "${f.tc.organization}", Source "${f.tc.source}"`,
    `                 API user access id ${f.tc.accessId}, secret key ${f.tc.secretKey}`,
    `                 everything written so far: ${simState}`,
    ...(f.seeded.length > 0
      ? [
          '  Tagged for the correlation (associated to their Vulnerability Group and Case by the first job):',
          ...f.seeded.map((s) => `    ${s.type} "${s.name}" in ${s.owner}, tag ${s.tag}`),
        ]
      : []),
    '',
    `Data: ${f.dataDir} (embedded Postgres, job files). Delete it to start afresh.`,
    'Stop with Ctrl-C.',
    '============================================================================',
    '',
  ].join('\n');
}

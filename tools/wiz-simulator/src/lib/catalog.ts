// Static vocabularies the generated data draws from: packages per ecosystem, clouds, subscriptions,
// projects, vulnerability classes. Values follow wiz-api.md §3.6–3.8 and §7.2.

export type PackageKind = 'os' | 'library';

export interface PackageSpec {
  name: string;
  kind: PackageKind;
  ecosystem: string;
  detectionMethod: string;
  dataSourceName: string;
  locationPath: string | null;
  remediation: (fixedVersion: string) => string;
  link: 'nvd' | 'ghsa' | 'vendor';
}

const os = (name: string, family: 'rpm' | 'deb'): PackageSpec => ({
  name,
  kind: 'os',
  ecosystem: family === 'rpm' ? 'Amazon Linux 2' : 'Debian 12',
  detectionMethod: 'PACKAGE',
  dataSourceName: family === 'rpm' ? 'Amazon Linux Security Center' : 'Debian Security Tracker',
  locationPath: family === 'rpm' ? '/var/lib/rpm/Packages' : '/var/lib/dpkg/status',
  remediation: (v) =>
    family === 'rpm' ? `yum update ${name}` : `apt-get install --only-upgrade ${name}=${v}`,
  link: 'vendor',
});

const lib = (
  name: string,
  ecosystem: string,
  locationPath: string,
  remediation: (v: string) => string,
): PackageSpec => ({
  name,
  kind: 'library',
  ecosystem,
  detectionMethod: 'LIBRARY',
  dataSourceName: 'GitHub Advisory Database',
  locationPath,
  remediation,
  link: 'ghsa',
});

export const PACKAGES: readonly PackageSpec[] = [
  os('openssl', 'rpm'),
  os('libtiff', 'rpm'),
  os('glibc', 'rpm'),
  os('curl', 'deb'),
  os('libxml2', 'deb'),
  os('zlib1g', 'deb'),
  os('sudo', 'rpm'),
  os('openssh-server', 'deb'),
  os('systemd', 'deb'),
  os('expat', 'rpm'),
  os('krb5-libs', 'rpm'),
  os('sqlite', 'deb'),
  os('linux-kernel', 'rpm'),
  lib('golang.org/x/net', 'Go', '/usr/local/bin/payments-api', () => 'go get -u golang.org/x/net'),
  lib(
    'github.com/containerd/containerd',
    'Go',
    '/usr/bin/containerd',
    () => 'go get -u github.com/containerd/containerd',
  ),
  lib('lodash', 'npm', '/app/node_modules/lodash/package.json', (v) => `npm install lodash@${v}`),
  lib('express', 'npm', '/srv/web/node_modules/express/package.json', (v) => `npm install express@${v}`),
  lib('minimist', 'npm', '/app/node_modules/minimist/package.json', (v) => `npm install minimist@${v}`),
  lib(
    'com.fasterxml.jackson.core:jackson-databind',
    'Maven',
    '/opt/app/lib/jackson-databind.jar',
    (v) => `Update jackson-databind to ${v} in pom.xml`,
  ),
  lib(
    'org.apache.logging.log4j:log4j-core',
    'Maven',
    '/opt/app/lib/log4j-core.jar',
    (v) => `Update log4j-core to ${v} in pom.xml`,
  ),
  lib(
    'org.springframework:spring-web',
    'Maven',
    '/opt/app/BOOT-INF/lib/spring-web.jar',
    (v) => `Update spring-web to ${v} in pom.xml`,
  ),
  lib(
    'urllib3',
    'PyPI',
    '/usr/lib/python3/site-packages/urllib3',
    (v) => `pip install --upgrade urllib3==${v}`,
  ),
  lib(
    'requests',
    'PyPI',
    '/usr/lib/python3/site-packages/requests',
    (v) => `pip install --upgrade requests==${v}`,
  ),
  lib(
    'django',
    'PyPI',
    '/srv/app/.venv/lib/python3.11/site-packages/django',
    (v) => `pip install --upgrade django==${v}`,
  ),
  lib('pyyaml', 'PyPI', '/usr/lib/python3/site-packages/yaml', (v) => `pip install --upgrade pyyaml==${v}`),
  lib(
    'nokogiri',
    'RubyGems',
    '/usr/local/bundle/gems/nokogiri',
    (v) => `bundle update nokogiri --conservative # >= ${v}`,
  ),
  lib(
    'System.Text.Json',
    'NuGet',
    'C:\\app\\System.Text.Json.dll',
    (v) => `dotnet add package System.Text.Json --version ${v}`,
  ),
];

export const WEAKNESSES: readonly { category: string; text: (pkg: string) => string }[] = [
  {
    category: 'Remote Code Execution',
    text: (p) =>
      `A deserialization flaw in ${p} allows a remote attacker to execute arbitrary code via crafted input.`,
  },
  {
    category: 'Denial of Service',
    text: (p) =>
      `${p} does not bound resource use when parsing untrusted input, allowing a remote denial of service.`,
  },
  {
    category: 'Information Disclosure',
    text: (p) => `An out-of-bounds read in ${p} may disclose process memory to a remote attacker.`,
  },
  {
    category: 'Privilege Escalation',
    text: (p) => `Improper privilege checks in ${p} allow a local user to gain elevated privileges.`,
  },
  {
    category: 'Memory Corruption',
    text: (p) =>
      `A heap-based buffer overflow in ${p} allows attackers to cause memory corruption via a crafted file.`,
  },
  {
    category: 'Security Bypass',
    text: (p) =>
      `${p} mishandles certificate validation, allowing man-in-the-middle attackers to spoof servers.`,
  },
];

/** Real, well-known vulnerabilities used for the first vulnerability indexes. */
export const FAMOUS: readonly { name: string; pkg: string; score: number; kev: boolean }[] = [
  { name: 'CVE-2023-44487', pkg: 'golang.org/x/net', score: 7.5, kev: true },
  { name: 'CVE-2021-44228', pkg: 'org.apache.logging.log4j:log4j-core', score: 10, kev: true },
  { name: 'CVE-2022-3602', pkg: 'openssl', score: 7.5, kev: false },
  { name: 'CVE-2023-38545', pkg: 'curl', score: 9.8, kev: false },
  { name: 'CVE-2021-3156', pkg: 'sudo', score: 7.8, kev: true },
  { name: 'CVE-2024-6387', pkg: 'openssh-server', score: 8.1, kev: false },
];

export const CLOUDS = [
  { platform: 'AWS', regions: ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'] },
  { platform: 'Azure', regions: ['eastus', 'westeurope', 'northeurope'] },
  { platform: 'GCP', regions: ['us-central1', 'europe-west1', 'asia-east1'] },
  { platform: 'OCI', regions: ['us-ashburn-1', 'eu-frankfurt-1'] },
] as const;

export const SUBSCRIPTION_NAMES = [
  'prod-payments',
  'prod-core',
  'staging-core',
  'data-platform',
  'identity-prod',
  'ml-research',
  'shared-services',
  'dev-sandbox',
  'marketing-web',
  'mobile-backend',
] as const;

export const PROJECTS = [
  { name: 'Payments', businessUnit: 'Fintech', impact: 'HBI' },
  { name: 'Data Platform', businessUnit: 'Data', impact: 'MBI' },
  { name: 'Identity', businessUnit: 'Security', impact: 'HBI' },
  { name: 'Mobile Backend', businessUnit: 'Consumer', impact: 'MBI' },
  { name: 'Internal Tools', businessUnit: 'IT', impact: 'LBI' },
  { name: 'Marketing Site', businessUnit: 'Marketing', impact: 'LBI' },
  { name: 'ML Research', businessUnit: 'Research', impact: 'MBI' },
  { name: 'Shared Infrastructure', businessUnit: 'Platform', impact: 'HBI' },
] as const;

export const SERVICE_NAMES = [
  'payments-api',
  'checkout-web',
  'ledger-worker',
  'auth-gateway',
  'etl-runner',
  'search-indexer',
  'notification-svc',
  'reporting-db-proxy',
  'image-resizer',
  'billing-cron',
] as const;

export const IGNORE_REASONS = [
  'FALSE_POSITIVE',
  'EXCEPTION',
  'NOT_APPLICABLE',
  'BY_DESIGN',
  'RISK_ACCEPTED',
] as const;
export const REACHABILITY = [
  'UNCHECKED',
  'UNSUPPORTED',
  'UNKNOWN',
  'NOT_REACHABLE',
  'USED_DEPENDENCY',
  'REACHABLE',
] as const;
export const RUNTIME_RESULTS = [
  'UNCHECKED',
  'NO_RUNTIME_DATA',
  'PENDING_ACTIVITY',
  'LOADED',
  'EXECUTED',
] as const;

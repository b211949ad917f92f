/** Wiz environments a tenant may use; endpoints are derived from these, never taken from input. */
export const WIZ_ENVIRONMENTS = ['app.wiz.io', 'app.wiz.us', 'gov.wiz.io'] as const;
export type WizEnvironment = (typeof WIZ_ENVIRONMENTS)[number];

/** none: every finding; hasExploit: findings with a known exploit (default); cisaKev: CISA KEV only. */
export const EXPLOIT_FILTERS = ['none', 'hasExploit', 'cisaKev'] as const;
export type ExploitFilter = (typeof EXPLOIT_FILTERS)[number];

/** ThreatConnect Group types (the "Group Types to Scan" choices; all selected by default). */
export const TC_GROUP_TYPES = [
  'Adversary',
  'Attack Pattern',
  'Campaign',
  'Course of Action',
  'Document',
  'Email',
  'Event',
  'Incident',
  'Intrusion Set',
  'Malware',
  'Report',
  'Signature',
  'Tactic',
  'Task',
  'Threat',
  'Tool',
  'Vulnerability',
] as const;
export type TcGroupType = (typeof TC_GROUP_TYPES)[number];

/** Settings of one tenant (one ThreatConnect Organization) as the API returns them: secrets never included. */
export interface TenantSettings {
  id: string;
  name: string;
  /** ThreatConnect Organization (owner name) the Source and the cases belong to. */
  tcOrganization: string;
  /** Source the Vulnerability Groups are written to; unique on the ThreatConnect instance. */
  sourceName: string;
  activateDeprecation: boolean;
  createAttributes: boolean;
  wizEnvironment: WizEnvironment;
  /** Wiz tenant data center, e.g. "us17". */
  wizDataCenter: string;
  wizClientId: string;
  /** The client secret is write-only: only whether one is stored. */
  wizClientSecretSet: boolean;
  ownersToScan: string[];
  groupTypesToScan: string[];
  indicatorTypesToScan: string[];
  assignee: string | null;
  exploitFilter: ExploitFilter;
  runAfterDeployment: boolean;
  tcApiUrl: string;
  tcAccessId: string;
  /** The ThreatConnect secret key is write-only: only whether one is stored. */
  tcSecretKeySet: boolean;
  scheduleIntervalMinutes: number;
  initialBackfillDays: number;
  maxRestartAttempts: number;
  retentionDays: number;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TenantList {
  items: TenantSettings[];
  total: number;
}

/** Result of the preflight check run on save (and by the engine before each job). */
export interface PreflightReport {
  ok: boolean;
  /** One sentence per problem, e.g. "attribute type 'Wiz Severity' is missing in the Source". */
  problems: string[];
}

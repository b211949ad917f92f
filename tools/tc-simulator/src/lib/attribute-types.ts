// Attribute types wiztc writes: the guide's Data Mappings Table 2 (Vulnerability group) and Table 3
// (Workflow Case), plus Description and Source. Sizes are generous guesses (threatconnect-api.md §7).
import type { TcSimAttributeTypeSpec } from './types';

const LONG = 65_500;
const SHORT = 500;

const TABLE_2 = [
  'Severity',
  'NVD Severity',
  'Weighted Severity',
  'CVSS v3 Impact Score',
  'Data Source Name',
  'Has Exploit',
  'Has CISA KEV Exploit',
  'Status',
  'Is High Profile Threat',
  'Vendor Severity',
  'Resolved',
  'Detection Method',
  'Location Path',
  'Resolution Reason',
  'EPSS Severity',
  'EPSS Percentile',
  'EPSS Probability',
  'Validated In Runtime',
  'Layer Metadata',
  'CVSS v2 Attack Vector',
  'CVSS v2 Attack Complexity',
  'CVSS v2 Confidentiality Impact',
  'CVSS v2 Integrity Impact',
  'CVSS v2 Privileges Required',
  'CVSS v2 User Interaction Required',
  'CVSS v3 Attack Vector',
  'CVSS v3 Attack Complexity',
  'CVSS v3 Confidentiality Impact',
  'CVSS v3 Integrity Impact',
  'CVSS v3 Privileges Required',
  'CVSS v3 User Interaction Required',
  'CNA Score',
];

const TABLE_3 = [
  'Severity Count Summary',
  'Total Asset Count',
  'Total Issues Count',
  'Average Critical Severity Count',
  'Average High Severity Count',
  'Average Medium Severity Count',
  'Average Low Severity Count',
  'Average Informational Severity Count',
  'Max Critical Severity Count',
  'Max High Severity Count',
  'Max Medium Severity Count',
  'Max Low Severity Count',
  'Max Informational Severity Count',
];

export const DEFAULT_TC_SIM_ATTRIBUTE_TYPES: readonly TcSimAttributeTypeSpec[] = [
  { name: 'Description', maxSize: LONG },
  { name: 'Source', maxSize: LONG },
  ...[...TABLE_2, ...TABLE_3].map((name) => ({ name, maxSize: SHORT })),
];

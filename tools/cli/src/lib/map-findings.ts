import { aggregateCase, type CaseAggregate, type CaseOptions } from '@wiztc/case-aggregation';
import {
  groupFindingsByVulnerability,
  mapVulnerabilityGroup,
  type MappingIssue,
  type MappingOptions,
} from '@wiztc/mapping';
import type { TcBatchGroup } from '@wiztc/tc-client/model';
import type { WizVulnerabilityFinding } from '@wiztc/wiz-client/model';

export interface MapOutput {
  groups: TcBatchGroup[];
  cases: CaseAggregate[];
  issues: MappingIssue[];
}

/** One group and one case per vulnerability name (sorted by name); every issue of both. */
export function mapFindings(
  findings: readonly WizVulnerabilityFinding[],
  options: MappingOptions & CaseOptions = {},
): MapOutput {
  const output: MapOutput = { groups: [], cases: [], issues: [] };
  const groups = [...groupFindingsByVulnerability(findings)].sort(([a], [b]) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1,
  );
  for (const [name, ofName] of groups) {
    const mapped = mapVulnerabilityGroup(ofName, options);
    output.issues.push(...mapped.issues);
    if (mapped.group) output.groups.push(mapped.group);
    if (name === null) continue;
    const aggregate = aggregateCase(ofName, options);
    output.cases.push(aggregate);
    // Selection issues (missing name, duplicates) were already reported by the mapping.
    output.issues.push(
      ...aggregate.issues.filter(
        (i) => !['missing-name', 'name-mismatch', 'duplicate-finding'].includes(i.code),
      ),
    );
  }
  return output;
}

import fc from 'fast-check';
import type { WizFindingStatus, WizSeverity } from '@wiztc/wiz-client/model';
import { mapVulnerabilityGroup } from '../src';
import { findingFactory } from '../src/testing';

const severity = fc.constantFrom<WizSeverity | null>(
  'NONE',
  'INFORMATIONAL',
  'LOW',
  'MEDIUM',
  'HIGH',
  'CRITICAL',
  null,
);
const status = fc.constantFrom<WizFindingStatus | null>('OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED', null);
const date = fc.option(
  fc.integer({ min: 1_600_000_000, max: 1_800_000_000 }).map((s) => new Date(s * 1000).toISOString()),
);

const findingArb = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  name: fc.constantFrom('CVE-2024-1', 'cve-2024-1', 'GHSA-1', null),
  severity,
  vendorSeverity: severity,
  status,
  firstDetectedAt: date,
  lastDetectedAt: date,
  resolvedAt: date,
  resolutionReason: fc.option(fc.constantFrom('FIXED', 'RISK_ACCEPTED')),
  detectionMethod: fc.option(fc.constantFrom('OS', 'PACKAGE', 'LIBRARY')),
  epssPercentile: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
  hasExploit: fc.option(fc.boolean()),
  CVEDescription: fc.option(fc.string()),
});

const findingsAndPermutation = fc.array(findingArb, { maxLength: 8 }).chain((records) =>
  fc.tuple(
    fc.constant(records),
    fc.shuffledSubarray(
      records.map((_r, i) => i),
      { minLength: records.length },
    ),
  ),
);

describe('mapVulnerabilityGroup properties', () => {
  it('gives the same result for the same findings in any order, never throws, never writes "null"', () => {
    fc.assert(
      fc.property(findingsAndPermutation, ([records, order]) => {
        const findings = records.map((r) => findingFactory(r));
        const once = mapVulnerabilityGroup(findings);
        expect(mapVulnerabilityGroup(order.flatMap((i) => findings.slice(i, i + 1)))).toEqual(once);
        for (const attribute of once.group?.attribute ?? [])
          expect(attribute.value).not.toMatch(/^(null|undefined)$/);
      }),
      { numRuns: 150 },
    );
  });
});

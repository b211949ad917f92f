import fc from 'fast-check';
import type { WizFindingStatus } from '@wiztc/wiz-client/model';
import { aggregateCase } from '../src';
import { assetFactory, findingFactory } from '@wiztc/mapping/testing';

const count = fc.option(fc.nat({ max: 5 }));
const findingArb = fc.record({
  id: fc.constantFrom('f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7'),
  asset: fc.constantFrom('a1', 'a2', 'a3', null),
  status: fc.constantFrom<WizFindingStatus | null>('OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED', null),
  lastDetectedAt: fc.option(
    fc.constantFrom('2024-05-01T00:00:00Z', '2024-05-02T00:00:00Z', '2024-05-03T00:00:00Z'),
  ),
  hasExploit: fc.option(fc.boolean()),
  critical: count,
  high: count,
});

const arb = fc.array(findingArb, { maxLength: 9 }).chain((records) =>
  fc.tuple(
    fc.constant(records),
    fc.shuffledSubarray(
      records.map((_r, i) => i),
      { minLength: records.length },
    ),
  ),
);

describe('aggregateCase properties', () => {
  it('is order independent, idempotent and hash-stable', () => {
    fc.assert(
      fc.property(arb, ([records, order]) => {
        const findings = records.map((r) =>
          findingFactory({
            id: r.id,
            status: r.status,
            lastDetectedAt: r.lastDetectedAt,
            hasExploit: r.hasExploit,
            hasCisaKevExploit: false,
            vulnerableAsset:
              r.asset === null
                ? null
                : assetFactory('VulnerableAssetServerless', { id: r.asset, name: r.asset }),
            relatedIssueAnalytics: { criticalSeverityCount: r.critical, highSeverityCount: r.high },
          }),
        );
        const once = aggregateCase(findings);
        expect(aggregateCase(order.flatMap((i) => findings.slice(i, i + 1)))).toEqual(once);
        expect(aggregateCase(findings).hash).toBe(once.hash);
        expect(once.assetCount).toBeLessThanOrEqual(once.openFindingCount);
        expect(once.attributes.filter((a) => a.type === 'Source').length).toBeLessThanOrEqual(50);
      }),
      { numRuns: 150 },
    );
  });

  it('changes the hash when anything written changes, and only then', () => {
    const base = findingFactory({ id: 'h1', relatedIssueAnalytics: { criticalSeverityCount: 1 } });
    const hash = aggregateCase([base]).hash;
    expect(aggregateCase([{ ...base, relatedIssueAnalytics: { criticalSeverityCount: 2 } }]).hash).not.toBe(
      hash,
    );
    expect(
      aggregateCase([{ ...base, severity: 'LOW', hasExploit: false, hasCisaKevExploit: false }]).hash,
    ).not.toBe(hash);
    // Fields the case does not show leave the hash alone.
    expect(aggregateCase([{ ...base, remediation: 'apt upgrade', CVEDescription: 'other' }]).hash).toBe(hash);
  });
});

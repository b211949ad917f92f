// The C vulnerabilities findings point at: CVE and GHSA ids, CVSS v2/v3 with vector strings, EPSS, exploit
// and CISA KEV flags with dates. Exploit/KEV flags are precomputed bit arrays (filters read them per
// finding); full records are built on demand and cached (C is small next to N).
import { FAMOUS, PACKAGES, WEAKNESSES, type PackageSpec } from './catalog';
import { hash3, pick, unit } from './random';

export type Severity = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export interface CvssRecord {
  attackVector: string;
  attackComplexity: string;
  confidentialityImpact: string;
  integrityImpact: string;
  availabilityImpact: string;
  privilegesRequired: string;
  userInteractionRequired: boolean;
  scope: string | null;
  vectorString: string;
}

export interface Vulnerability {
  index: number;
  name: string;
  isGhsa: boolean;
  pkg: PackageSpec;
  score: number;
  severity: Severity;
  exploitabilityScore: number;
  impactScore: number;
  cvssv3: CvssRecord;
  cvssv2: CvssRecord | null;
  epssProbability: number;
  epssPercentile: number;
  epssSeverity: Severity;
  hasExploit: boolean;
  hasCisaKevExploit: boolean;
  cisaKevReleaseDate: string | null;
  cisaKevDueDate: string | null;
  isHighProfileThreat: boolean;
  hasFix: boolean;
  publishedDate: string;
  fixDate: string | null;
  fixedMajorMinor: [number, number, number];
  description: string;
  category: string;
  link: string;
}

const GHSA_ALPHABET = '23456789cfghjmpqrvwx';
const DAY = 86_400_000;

export function severityOf(score: number): Severity {
  if (score === 0) return 'NONE';
  if (score < 4) return 'LOW';
  if (score < 7) return 'MEDIUM';
  if (score < 9) return 'HIGH';
  return 'CRITICAL';
}

export class VulnerabilityCatalog {
  private readonly exploit: Uint8Array;
  private readonly kev: Uint8Array;
  private readonly cache = new Map<number, Vulnerability>();
  private readonly extraNames: string[] = [];
  private readonly byName = new Map<string, number>();

  constructor(
    private readonly seed: number,
    readonly baseCount: number,
    exploitShare: number,
    kevShare: number,
  ) {
    this.exploit = new Uint8Array(baseCount);
    this.kev = new Uint8Array(baseCount);
    for (let v = 0; v < baseCount; v++) {
      const famous = FAMOUS[v];
      const u = unit(seed, v, 11);
      const isKev = famous ? famous.kev : u < kevShare;
      this.kev[v] = isKev ? 1 : 0;
      this.exploit[v] = isKev || (famous ? true : u < exploitShare) ? 1 : 0;
    }
  }

  get count(): number {
    return this.baseCount + this.extraNames.length;
  }

  hasExploit(v: number): boolean {
    return v < this.baseCount ? this.exploit[v] === 1 : unit(this.seed, v, 11) < 0.5;
  }

  hasCisaKev(v: number): boolean {
    return v < this.baseCount ? this.kev[v] === 1 : false;
  }

  /** The index of a vulnerability by name, registering a new one when unknown. */
  indexOfName(name: string): number {
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    for (let v = 0; v < this.baseCount; v++) {
      if (this.get(v).name === name) {
        this.byName.set(name, v);
        return v;
      }
    }
    const index = this.baseCount + this.extraNames.length;
    this.extraNames.push(name);
    this.byName.set(name, index);
    return index;
  }

  get(v: number): Vulnerability {
    let record = this.cache.get(v);
    if (!record) {
      record = this.build(v);
      this.cache.set(v, record);
    }
    return record;
  }

  private build(v: number): Vulnerability {
    const s = this.seed;
    const famous = FAMOUS[v];
    const extraName = v >= this.baseCount ? this.extraNames[v - this.baseCount] : undefined;
    const pkg = famous
      ? (PACKAGES.find((p) => p.name === famous.pkg) ?? pick(PACKAGES, hash3(s, v, 12)))
      : pick(PACKAGES, hash3(s, v, 12));
    const fixedName = famous?.name ?? extraName;
    const namedYear = fixedName ? Number(/^CVE-(\d{4})-/.exec(fixedName)?.[1] ?? NaN) : NaN;
    const year = Number.isNaN(namedYear) ? 2014 + (v % 12) : namedYear;
    let name = fixedName ?? `CVE-${year}-${1000 + Math.floor(v / 12) * 7 + (hash3(s, v, 13) % 7)}`;
    let isGhsa = name.startsWith('GHSA-');
    if (
      (!famous && !extraName && unit(s, v, 14) < 0.15 && pkg.kind === 'library') ||
      (!famous && !extraName && FAMOUS.some((f) => f.name === name))
    ) {
      const h = [hash3(s, v, 15), hash3(s, v, 16), hash3(s, v, 17)];
      const group = (x: number): string =>
        Array.from({ length: 4 }, (_, k) => GHSA_ALPHABET[(x >>> (k * 5)) % GHSA_ALPHABET.length]).join('');
      name = `GHSA-${group(h[0] ?? 0)}-${group(h[1] ?? 0)}-${group(h[2] ?? 0)}`;
      isGhsa = true;
    }
    const score = famous?.score ?? Math.round((2 + 8 * Math.sqrt(unit(s, v, 18))) * 10) / 10;
    const network = unit(s, v, 19) < 0.7;
    const lowComplexity = unit(s, v, 20) < 0.75;
    const noPriv = unit(s, v, 21) < 0.6;
    const noUi = unit(s, v, 22) < 0.8;
    const impact =
      score >= 9
        ? 'HIGH'
        : score >= 7
          ? pick(['HIGH', 'LOW'], hash3(s, v, 23))
          : pick(['LOW', 'NONE', 'HIGH'], hash3(s, v, 23));
    const av = network ? 'NETWORK' : pick(['LOCAL', 'ADJACENT_NETWORK', 'PHYSICAL'], hash3(s, v, 24));
    const letter = (x: string): string => (x === 'ADJACENT_NETWORK' ? 'A' : x.charAt(0));
    const cvssv3: CvssRecord = {
      attackVector: av,
      attackComplexity: lowComplexity ? 'LOW' : 'HIGH',
      confidentialityImpact: impact,
      integrityImpact: impact,
      availabilityImpact: score >= 7 ? 'HIGH' : 'LOW',
      privilegesRequired: noPriv ? 'NONE' : 'LOW',
      userInteractionRequired: !noUi,
      scope: score >= 9.9 ? 'CHANGED' : 'UNCHANGED',
      vectorString: `CVSS:3.1/AV:${letter(av)}/AC:${lowComplexity ? 'L' : 'H'}/PR:${noPriv ? 'N' : 'L'}/UI:${noUi ? 'N' : 'R'}/S:${score >= 9.9 ? 'C' : 'U'}/C:${letter(impact)}/I:${letter(impact)}/A:${score >= 7 ? 'H' : 'L'}`,
    };
    const v2Impact = impact === 'HIGH' ? 'COMPLETE' : impact === 'LOW' ? 'PARTIAL' : 'NONE';
    const cvssv2: CvssRecord | null =
      year < 2017 && !isGhsa
        ? {
            attackVector: av,
            attackComplexity: lowComplexity ? 'LOW' : 'MEDIUM',
            confidentialityImpact: v2Impact,
            integrityImpact: v2Impact,
            availabilityImpact: v2Impact,
            privilegesRequired: 'NONE',
            userInteractionRequired: !noUi,
            scope: null,
            vectorString: `AV:${letter(av)}/AC:${lowComplexity ? 'L' : 'M'}/Au:N/C:${v2Impact.charAt(0)}/I:${v2Impact.charAt(0)}/A:${v2Impact.charAt(0)}`,
          }
        : null;
    const hasExploit = this.hasExploit(v);
    const kev = this.hasCisaKev(v);
    const published = Date.UTC(
      year,
      hash3(s, v, 25) % 12,
      1 + (hash3(s, v, 26) % 28),
      hash3(s, v, 27) % 24,
      15,
      10,
    );
    const kevRelease = published + (3 + (hash3(s, v, 28) % 200)) * DAY;
    const epssProbability =
      Math.round((kev ? 0.5 + 0.5 * unit(s, v, 29) : unit(s, v, 29) ** 4) * 10000) / 100;
    const epssPercentile = Math.round(Math.min(99.99, 100 * Math.sqrt(epssProbability / 100)) * 10) / 10;
    const hasFix = unit(s, v, 30) < 0.85;
    const weakness = pick(WEAKNESSES, hash3(s, v, 31));
    const fixed: [number, number, number] = [
      1 + (hash3(s, v, 32) % 4),
      hash3(s, v, 33) % 20,
      1 + (hash3(s, v, 34) % 30),
    ];
    return {
      index: v,
      name,
      isGhsa,
      pkg,
      score,
      severity: severityOf(score),
      exploitabilityScore: network && lowComplexity ? 3.9 : network ? 2.2 : 1.8,
      impactScore: score >= 9 ? 5.9 : score >= 7 ? 3.6 : 2.5,
      cvssv3,
      cvssv2,
      epssProbability,
      epssPercentile,
      epssSeverity: epssProbability >= 50 ? 'HIGH' : epssProbability >= 5 ? 'MEDIUM' : 'LOW',
      hasExploit,
      hasCisaKevExploit: kev,
      cisaKevReleaseDate: kev ? new Date(kevRelease).toISOString().slice(0, 10) + 'T00:00:00Z' : null,
      cisaKevDueDate: kev ? new Date(kevRelease + 21 * DAY).toISOString().slice(0, 10) + 'T00:00:00Z' : null,
      isHighProfileThreat: kev ? unit(s, v, 35) < 0.6 : score >= 9.8 && hasExploit,
      hasFix,
      publishedDate: new Date(published).toISOString().replace('.000Z', 'Z'),
      fixDate: hasFix ? new Date(published + (hash3(s, v, 36) % 60) * DAY).toISOString() : null,
      fixedMajorMinor: fixed,
      description: weakness.text(pkg.name),
      category: weakness.category,
      link: isGhsa
        ? `https://github.com/advisories/${name}`
        : pkg.link === 'vendor'
          ? `https://security-tracker.debian.org/tracker/${name}`
          : `https://nvd.nist.gov/vuln/detail/${name}`,
    };
  }
}

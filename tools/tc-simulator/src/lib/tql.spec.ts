import { compileTql, parseTql, TqlError, type TqlContext } from './tql';

const ctx = (fields: Record<string, (string | number)[]>, tags: string[] = []): TqlContext => ({
  get: (k) => fields[k],
  sub: (fn) =>
    fn === 'hastag'
      ? tags.map((t) => ({ get: (k) => (k === 'name' ? [t] : undefined), sub: () => undefined }))
      : undefined,
});

describe('TQL subset', () => {
  const vuln = ctx(
    {
      typename: ['Vulnerability'],
      ownername: ['Intel Feed'],
      tag: ['CVE-1', 'x'],
      xid: ['a"b'],
      summary: ['CVE-1'],
    },
    ['CVE-1', 'x'],
  );

  it.each([
    ['typeName = "Vulnerability"', true],
    ['typeName EQ "vulnerability"', true],
    ['typeName in ("Malware","Vulnerability") and tag in ("CVE-1","CVE-2")', true],
    ['ownerName in ("Other") and tag in ("CVE-1")', false],
    ['(ownerName = "Other" or ownerName = "Intel Feed") and hasTag(name in ("x"))', true],
    ['hasTag(name = "y")', false],
    ['xid = "a\\"b"', true],
    ['summary != "CVE-1"', false],
    ['tag not in ("CVE-9")', true],
  ])('%s → %s', (q, expected) => {
    expect(parseTql(q).predicate(vuln)).toBe(expected);
  });

  it.each(['typeName ~ "x"', 'typeName = ', '(typeName = "x"', 'foo("x")', 'tag in ("a" "b")', ''])(
    'rejects %j',
    (q) => {
      expect(() => parseTql(q)).toThrow(TqlError);
    },
  );

  it('rejects keywords the object kind does not know, wherever they sit', () => {
    const allowed = new Set(['typename', 'tag', 'hastag.name']);
    expect(() => compileTql('typeName = "x" and rating = 3', allowed)).toThrow("unknown keyword 'rating'");
    expect(() => compileTql('hasTag(summary = "x")', allowed)).toThrow("unknown keyword 'hastag.summary'");
    expect(compileTql('typeName = "x" or hasTag(name = "x")', allowed)).toBeInstanceOf(Function);
  });
});

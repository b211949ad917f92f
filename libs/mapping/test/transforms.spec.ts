import { BUILTIN_TRANSFORMS, truncateValue, type TransformResult } from '../src';

const run = (
  name: string,
  value: unknown,
  epssScale: 'auto' | 'fraction' | 'percent' = 'auto',
): TransformResult =>
  (BUILTIN_TRANSFORMS[name] as (v: unknown, o: { epssScale: typeof epssScale }) => TransformResult)(value, {
    epssScale,
  });

describe('transforms', () => {
  it.each([
    ['NONE', 'Informational'],
    ['INFORMATIONAL', 'Informational'],
    ['low', 'Low'],
    [' MEDIUM ', 'Medium'],
    ['HIGH', 'High'],
    ['CRITICAL', 'Critical'],
  ])('severity %s -> %s', (input, output) => {
    expect(run('severity', input)).toEqual({ ok: true, value: output });
  });

  it('reports an unknown severity', () => {
    expect(run('severity', 'SEVERE')).toMatchObject({ ok: false, code: 'unknown-severity' });
  });

  it.each([
    ['auto', 0.42, '42%'],
    ['auto', 42, '42%'],
    ['auto', 1, '100%'],
    ['auto', 0.000123, '0.012%'],
    ['fraction', 0.5, '50%'],
    ['percent', 0.5, '0.5%'],
  ] as const)('epss (%s) %s -> %s', (scale, input, output) => {
    expect(run('epss', input, scale)).toEqual({ ok: true, value: output });
  });

  it('rejects EPSS values outside both scales', () => {
    expect(run('epss', -0.1)).toMatchObject({ ok: false, code: 'out-of-range' });
    expect(run('epss', 100.5)).toMatchObject({ ok: false, code: 'out-of-range' });
    expect(run('epss', 'x')).toMatchObject({ ok: false, code: 'wrong-type' });
  });

  it('writes dates as ISO-8601 UTC to the second', () => {
    expect(run('isoDate', '2022-05-01T11:36:10.063767Z')).toEqual({
      ok: true,
      value: '2022-05-01T11:36:10Z',
    });
    expect(run('isoDate', '2022-05-01T13:36:10+02:00')).toEqual({ ok: true, value: '2022-05-01T11:36:10Z' });
    expect(run('isoDate', 'not a date')).toMatchObject({ ok: false, code: 'invalid-date' });
  });

  it('never writes the text "null" and rejects the wrong types', () => {
    expect(run('text', '   ')).toMatchObject({ ok: false });
    expect(run('text', { a: 1 })).toMatchObject({ ok: false, code: 'wrong-type' });
    expect(run('boolean', 'TRUE')).toEqual({ ok: true, value: 'true' });
    expect(run('boolean', 1)).toMatchObject({ ok: false, code: 'wrong-type' });
    expect(run('json', { b: null, a: [1, { d: 2, c: 1 }] })).toEqual({
      ok: true,
      value: '{"a":[1,{"c":1,"d":2}]}',
    });
    expect(run('json', { b: null })).toMatchObject({ ok: false });
    expect(run('score', 7.25)).toEqual({ ok: true, value: '7.25' });
    expect(run('score', Number.NaN)).toMatchObject({ ok: false, code: 'wrong-type' });
  });

  it('truncates to the max size with an ellipsis, never splitting a surrogate pair', () => {
    expect(truncateValue('abcdef', 6)).toEqual({ value: 'abcdef', truncated: false });
    expect(truncateValue('abcdefg', 6)).toEqual({ value: 'abcde…', truncated: true });
    const cut = truncateValue('ab😀cd', 4);
    expect(cut).toEqual({ value: 'ab…', truncated: true });
    expect(cut.value.length).toBeLessThanOrEqual(4);
  });
});

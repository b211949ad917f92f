import { Redactor } from './redaction';

describe('Redactor', () => {
  it('masks registered secret values wherever they appear', () => {
    const redactor = new Redactor();
    redactor.register('hunter2-very-secret');
    expect(redactor.redact('failed with hunter2-very-secret in body')).toBe('failed with [REDACTED] in body');
  });

  it.each([
    ['{"client_secret":"abc def"}', 'abc def'],
    ['{"wizClientSecret": "xyz123"}', 'xyz123'],
    ["{'tcSecretKey': 'q1w2e3'}", 'q1w2e3'],
    ['grant_type=client_credentials&client_secret=s3cr3t&audience=wiz-api', 's3cr3t'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig', 'eyJhbGciOiJIUzI1NiJ9.payload.sig'],
    ['Authorization: TC 1234567890:c2lnbmF0dXJlPT0=', '1234567890:c2lnbmF0dXJlPT0='],
    ['key wtc_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd used', 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd'],
    ['connect postgres://wiztc:pa55word@127.0.0.1:5432/wiztc', 'pa55word'],
  ])('masks credential shapes in %s', (text, secret) => {
    const out = new Redactor().redact(text);
    expect(out).not.toContain(secret);
    expect(out).toContain('[REDACTED]');
  });

  it('leaves ordinary text alone', () => {
    expect(new Redactor().redact('job 42 downloaded 17 findings')).toBe('job 42 downloaded 17 findings');
  });

  it('redacts errors including their stack', () => {
    const redactor = new Redactor();
    redactor.register('topsecretvalue');
    const error = new Error('auth failed for topsecretvalue');
    expect(redactor.redactUnknown(error)).not.toContain('topsecretvalue');
  });
});

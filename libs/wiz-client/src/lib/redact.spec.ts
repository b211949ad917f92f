import { redact } from './redact';

describe('redact', () => {
  it('masks every known secret, URL-encoded copies included', () => {
    const secret = 'ab+cd/ef=gh-secret';
    const text = `secret ${secret} and form client_id=x&secret=${encodeURIComponent(secret)}`;
    const out = redact(text, [secret]);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out.match(/\[REDACTED\]/g)).toHaveLength(2);
  });

  it('masks bearer tokens, JWTs and form/JSON secrets even when not listed', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJkYyI6InVzMTcifQ.c2lnbmF0dXJl';
    const out = redact(
      `Authorization: Bearer abc.def-123 token ${jwt} client_secret=hunter22&x=1 {"access_token":"tok123"}`,
      [],
    );
    expect(out).toBe(
      'Authorization: Bearer [REDACTED] token [REDACTED] client_secret=[REDACTED]&x=1 {"access_token":"[REDACTED]"}',
    );
  });

  it('masks JSON-escaped copies of a secret', () => {
    const secret = 'quote"back\\slash-secret';
    const out = redact(JSON.stringify({ detail: `x ${secret} y` }), [secret]);
    expect(out).toBe('{"detail":"x [REDACTED] y"}');
  });

  it('leaves text without secrets unchanged and ignores empty secrets', () => {
    expect(redact('nothing to hide here', ['', 'zzzzzz'])).toBe('nothing to hide here');
  });
});

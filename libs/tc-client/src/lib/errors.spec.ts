import { redactTc, tcErrorFromResponse, TcAuthError, TcRateLimitError, TcTqlError } from './errors';

describe('ThreatConnect errors', () => {
  it('redacts given secrets and any TC / TC-Token authorization value', () => {
    const text = 'secret s3cr3t-key-xyz in TC abc:SIGNATURE== and TC-Token APIV2:1:tok';
    const out = redactTc(text, ['s3cr3t-key-xyz']);
    expect(out).not.toContain('s3cr3t-key-xyz');
    expect(out).not.toContain('SIGNATURE==');
    expect(out).not.toContain('APIV2:1:tok');
    expect(out).toContain('TC [REDACTED]');
  });

  it('maps statuses and errCodes to typed errors', () => {
    const d = { method: 'GET', path: '/api/v3/groups' };
    expect(tcErrorFromResponse(401, { message: 'Access Denied' }, d, [])).toBeInstanceOf(TcAuthError);
    expect(tcErrorFromResponse(429, undefined, d, [])).toBeInstanceOf(TcRateLimitError);
    const tql = tcErrorFromResponse(400, { errCode: '0x2001', message: 'Invalid TQL' }, d, []);
    expect(tql).toBeInstanceOf(TcTqlError);
    expect(tql).toMatchObject({ code: 'tql', status: 400, errCode: '0x2001' });
  });
});

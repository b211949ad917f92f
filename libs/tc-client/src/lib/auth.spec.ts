import { signTcRequest, tcAuthHeaders, tcStringToSign } from './auth';

describe('ThreatConnect HMAC signer', () => {
  // The documentation's worked example (quick_start.rst). It does not publish the secret key, so the
  // expected signature below was computed independently with
  // `printf '%s' '<string>' | openssl dgst -sha256 -hmac 'wiztc-doc-example-secret' -binary | base64`.
  const docPath = '/api/v2/indicators/hosts/example.com?Owner=Common%20Community';

  it('builds the documented string to sign', () => {
    expect(tcStringToSign(docPath, 'get', 1513703787)).toBe(
      '/api/v2/indicators/hosts/example.com?Owner=Common%20Community:GET:1513703787',
    );
  });

  it('signs it with HMAC-SHA256, base64, in the documented header format', () => {
    const headers = signTcRequest({
      pathWithQuery: docPath,
      method: 'GET',
      timestamp: 1513703787,
      accessId: '12345678901234567890',
      secretKey: 'wiztc-doc-example-secret',
    });
    expect(headers).toEqual({
      Timestamp: '1513703787',
      Authorization: 'TC 12345678901234567890:7xppQ4R+7+BzVWEbu2NnfUuaf2decND0JCY1bMjX+aA=',
    });
  });

  it('signs the URL object exactly as it will be sent (path with /api and encoded query)', () => {
    const url = new URL('https://tc.example/api/v2/indicators/hosts/example.com?Owner=Common%20Community');
    const h = tcAuthHeaders(
      { accessId: '12345678901234567890', secretKey: 'wiztc-doc-example-secret' },
      url,
      'GET',
      1513703787_000,
    );
    expect(h['Authorization']).toBe('TC 12345678901234567890:7xppQ4R+7+BzVWEbu2NnfUuaf2decND0JCY1bMjX+aA=');
    const plus = tcAuthHeaders(
      { accessId: '12345678901234567890', secretKey: 'wiztc-doc-example-secret' },
      new URL('https://tc.example/api/v2/indicators/hosts/example.com?Owner=Common+Community'),
      'GET',
      1513703787_000,
    );
    expect(plus['Authorization']).not.toBe(h['Authorization']);
  });

  it('uses TC-Token for token auth and floors the timestamp to seconds', () => {
    expect(
      tcAuthHeaders({ token: 'APIV2:1:abc' }, new URL('https://x/api/v3/groups'), 'GET', 1_700_000_000_999),
    ).toEqual({
      Timestamp: '1700000000',
      Authorization: 'TC-Token APIV2:1:abc',
    });
  });
});

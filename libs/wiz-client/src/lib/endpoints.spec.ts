import { normaliseEndpointOverride, wizEndpoints } from './endpoints';
import { WizConfigError } from './errors';

describe('wizEndpoints', () => {
  it.each([
    ['app.wiz.io', 'us17', 'https://auth.app.wiz.io/oauth/token', 'https://api.us17.app.wiz.io/graphql'],
    ['app.wiz.us', 'us2', 'https://auth.app.wiz.us/oauth/token', 'https://api.us2.app.wiz.us/graphql'],
    ['gov.wiz.io', 'us1', 'https://auth.gov.wiz.io/oauth/token', 'https://api.us1.gov.wiz.io/graphql'],
    ['app.wiz.io', ' EU1 ', 'https://auth.app.wiz.io/oauth/token', 'https://api.eu1.app.wiz.io/graphql'],
  ] as const)('%s / %s', (environment, dc, authUrl, apiUrl) => {
    expect(wizEndpoints(environment, dc)).toEqual({ authUrl, apiUrl });
  });

  it.each(['', 'us', '17', 'us17.evil.com', 'us17/../x', 'us-17', 'a'.repeat(7) + '1'])(
    'refuses data center %j',
    (dc) => {
      expect(() => wizEndpoints('app.wiz.io', dc)).toThrow(WizConfigError);
    },
  );

  it('refuses an unknown environment', () => {
    expect(() => wizEndpoints('wiz.evil.com' as never, 'us1')).toThrow(/Unknown Wiz environment/);
  });

  it('normalises a trusted override and refuses non-HTTP or credential-bearing URLs', () => {
    expect(
      normaliseEndpointOverride({ authUrl: 'http://127.0.0.1:9/oauth/token', apiUrl: 'http://127.0.0.1:9/' }),
    ).toEqual({ authUrl: 'http://127.0.0.1:9/oauth/token', apiUrl: 'http://127.0.0.1:9/graphql' });
    expect(normaliseEndpointOverride({ authUrl: 'https://a/t', apiUrl: 'https://b/x/graphql/' }).apiUrl).toBe(
      'https://b/x/graphql',
    );
    expect(() => normaliseEndpointOverride({ authUrl: 'file:///etc/passwd', apiUrl: 'https://b' })).toThrow(
      WizConfigError,
    );
    expect(() => normaliseEndpointOverride({ authUrl: 'https://a', apiUrl: 'https://u:p@b' })).toThrow(
      WizConfigError,
    );
  });
});

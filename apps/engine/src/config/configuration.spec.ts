import { ConfigValidationError } from './env-reader';
import { loadConfiguration } from './configuration';

describe('loadConfiguration', () => {
  it('applies the defaults', () => {
    const config = loadConfiguration({});
    expect(config.app.port).toBe(3000);
    expect(config.app.dataDir).toMatch(/\.wiztc-data$/);
    expect(config.database.url).toBeUndefined();
    expect(config.security.secretKey).toBeUndefined();
    expect(config.wiz).toEqual({ endpoints: undefined, requestsPerSecond: 1 });
    expect(config.scheduler.enabled).toBe(true);
  });

  it('parses every variable', () => {
    const hex = 'ab'.repeat(32);
    const config = loadConfiguration({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@h:5432/d',
      WIZTC_SECRET_KEY: hex,
      WIZTC_WIZ_ENDPOINTS:
        '{"authUrl":"http://127.0.0.1:9/oauth/token","apiUrl":"http://127.0.0.1:9/graphql"}',
      WIZTC_WIZ_REQUESTS_PER_SECOND: 'unlimited',
      WIZTC_SCHEDULER_ENABLED: 'false',
    });
    expect(config.app.port).toBe(8080);
    expect(config.database.url).toBe('postgres://u@h:5432/d');
    expect(config.security.secretKey?.toString('hex')).toBe(hex);
    expect(config.wiz.endpoints).toEqual({
      authUrl: 'http://127.0.0.1:9/oauth/token',
      apiUrl: 'http://127.0.0.1:9/graphql',
    });
    expect(config.wiz.requestsPerSecond).toBe('unlimited');
    expect(config.scheduler.enabled).toBe(false);
    expect(
      loadConfiguration({ WIZTC_SECRET_KEY: Buffer.alloc(32, 1).toString('base64') }).security.secretKey,
    ).toEqual(Buffer.alloc(32, 1));
  });

  it('lists every problem at once, never echoing the secret key', () => {
    let error: unknown;
    try {
      loadConfiguration({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        WIZTC_SECRET_KEY: 'too-short-secret',
        WIZTC_WIZ_ENDPOINTS: '{"authUrl":"file:///etc/passwd"}',
        WIZTC_WIZ_REQUESTS_PER_SECOND: '-1',
        WIZTC_SCHEDULER_ENABLED: 'perhaps',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const problems = (error as ConfigValidationError).problems;
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).not.toContain('too-short-secret');
  });

  it('requires the secret key in production', () => {
    expect(() => loadConfiguration({ NODE_ENV: 'production' })).toThrow('WIZTC_SECRET_KEY is required');
  });
});

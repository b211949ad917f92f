import { createTcClient, TcAuthError } from '../src';
import { startTcTestBed, TC_TEST_CREDENTIALS, type TcTestBed } from '../src/testing';

describe('authentication against the simulator', () => {
  let bed: TcTestBed;
  beforeAll(async () => {
    bed = await startTcTestBed();
  });
  afterAll(() => bed.close());

  it('accepts a correctly signed request (the /api prefix and the query are signed)', async () => {
    const owners = await bed.client.owners();
    expect(owners.map((o) => [o.name, o.type])).toEqual([
      ['Test Org', 'Organization'],
      ['Wiz Source', 'Source'],
      ['Common Community', 'Community'],
    ]);
  });

  it('accepts a signed query with spaces and quotes (group by xid in a named owner)', async () => {
    const id = bed.sim.seedGroup('Wiz Source', {
      type: 'Vulnerability',
      name: 'CVE-2025-1',
      tags: [],
      xid: 'wiz "x" 1',
    });
    await expect(bed.client.groups.getByXid('wiz "x" 1', 'Wiz Source')).resolves.toMatchObject({
      id,
      ownerName: 'Wiz Source',
    });
  });

  it('rejects a request whose query was re-encoded after signing', async () => {
    const reencoding: typeof fetch = (input, init) => fetch(String(input).replace(/%20/g, '+'), init);
    const client = bed.clientWith({ fetch: reencoding, retry: { retries: 0 } });
    const err = await client.groups.getByXid('x', 'Wiz Source').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TcAuthError);
    expect((err as TcAuthError).status).toBe(401);
    expect((err as Error).message).toContain('Signature data did not match expected result');
  });

  it('rejects a timestamp more than five minutes off, and accepts one just inside the window', async () => {
    const late = bed.clientWith({ now: () => Date.now() - 6 * 60_000, retry: { retries: 0 } });
    await expect(late.owners()).rejects.toThrow('Timestamp out of acceptable time range');
    const slightlyOff = bed.clientWith({ now: () => Date.now() + 4 * 60_000 });
    await expect(slightlyOff.owners()).resolves.toHaveLength(3);
  });

  it('rejects a wrong secret and never shows the secret in the error', async () => {
    const client = bed.clientWith({
      auth: { accessId: TC_TEST_CREDENTIALS.accessId, secretKey: 'the-wrong-secret-value' },
      retry: { retries: 0 },
    });
    const err = (await client.owners().catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(TcAuthError);
    expect(`${err.message} ${err.stack} ${JSON.stringify(err)}`).not.toContain('the-wrong-secret-value');
  });

  it('accepts a known TC-Token and rejects an unknown one', async () => {
    await expect(bed.clientWith({ auth: { token: 'APIV2:1:test-token' } }).users()).resolves.toEqual([
      expect.objectContaining({ userName: 'analyst@example.com' }),
    ]);
    await expect(
      bed.clientWith({ auth: { token: 'APIV2:1:other' }, retry: { retries: 0 } }).users(),
    ).rejects.toMatchObject({
      code: 'auth',
      status: 401,
    });
  });

  it('refuses to build a client without credentials', () => {
    expect(() => createTcClient({ baseUrl: bed.sim.url, auth: { accessId: 'a', secretKey: '' } })).toThrow(
      /auth needs/,
    );
  });
});

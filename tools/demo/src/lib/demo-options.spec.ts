import * as net from 'node:net';
import * as path from 'node:path';
import { freePort, readDemoOptions } from './demo-options';

describe('demo options', () => {
  it('defaults to a loopback engine on 3000 with data in ./.wiztc-data and about 3,000 findings per first job', () => {
    expect(readDemoOptions({}, '/srv/wiztc')).toEqual({
      dataDir: '/srv/wiztc/.wiztc-data',
      port: 3000,
      host: '127.0.0.1',
      wizPort: 0,
      tcPort: 0,
      findings: 6000,
      vulnerabilities: 200,
    });
  });

  it('reads the ordinary engine variables and the demo ones', () => {
    const options = readDemoOptions(
      {
        WIZTC_DATA_DIR: 'state',
        PORT: '8080',
        WIZTC_HOST: '0.0.0.0',
        WIZTC_DEMO_WIZ_PORT: '8181',
        WIZTC_DEMO_TC_PORT: '8444',
        WIZTC_DEMO_FINDINGS: '500',
        WIZTC_DEMO_VULNERABILITIES: '20',
      },
      '/srv/wiztc',
    );
    expect(options).toEqual({
      dataDir: path.join('/srv/wiztc', 'state'),
      port: 8080,
      host: '0.0.0.0',
      wizPort: 8181,
      tcPort: 8444,
      findings: 500,
      vulnerabilities: 20,
    });
  });

  it('lists every invalid variable at once', () => {
    let error: Error | undefined;
    try {
      readDemoOptions({ PORT: 'eighty', WIZTC_DEMO_FINDINGS: '0', WIZTC_DEMO_TC_PORT: '70000' }, '/');
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).toContain('PORT must be an integer between 0 and 65535 (got "eighty")');
    expect(error?.message).toContain('WIZTC_DEMO_FINDINGS must be an integer between 1');
    expect(error?.message).toContain(
      'WIZTC_DEMO_TC_PORT must be an integer between 0 and 65535 (got "70000")',
    );
  });

  it('finds a port that can be listened on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = net.createServer();
    await new Promise<void>((resolve, reject) =>
      server.once('error', reject).listen(port, '127.0.0.1', () => resolve()),
    );
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveSecretKey, SECRET_KEY_FILE } from './secret-key';

describe('resolveSecretKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiztc-key-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prefers the configured key and writes nothing', () => {
    const key = Buffer.alloc(32, 7);
    expect(resolveSecretKey(key, dir, () => undefined)).toBe(key);
    expect(fs.existsSync(path.join(dir, SECRET_KEY_FILE))).toBe(false);
  });

  it('generates a key once, mode 0600, says so without the key, and reuses it', () => {
    const messages: string[] = [];
    const first = resolveSecretKey(undefined, dir, (m) => messages.push(m));
    const file = path.join(dir, SECRET_KEY_FILE);
    expect(first).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('generated a new encryption key');
    expect(messages[0]).not.toContain(first.toString('base64'));
    const again = resolveSecretKey(undefined, dir, (m) => messages.push(m));
    expect(again.equals(first)).toBe(true);
    expect(messages).toHaveLength(1);
  });

  it('refuses a corrupt key file', () => {
    fs.writeFileSync(path.join(dir, SECRET_KEY_FILE), 'short');
    expect(() => resolveSecretKey(undefined, dir, () => undefined)).toThrow('does not hold a 32-byte key');
  });
});

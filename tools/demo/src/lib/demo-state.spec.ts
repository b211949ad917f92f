import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEMO_STATE_FILE, generateDemoAdminKey, loadOrCreateDemoState } from './demo-state';

describe('demo state (.wiztc-data/demo.json)', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'wiztc-demo-state-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('generates keys in the format the engine accepts as WIZTC_BOOTSTRAP_ADMIN_KEY, never twice the same', () => {
    const keys = new Set(Array.from({ length: 50 }, () => generateDemoAdminKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^wtc_[A-Za-z0-9_-]{32,}$/);
  });

  it('creates the data directory and a private state file once, then reuses the same key', () => {
    const dataDir = path.join(root, 'nested', '.wiztc-data');
    const first = loadOrCreateDemoState(dataDir, () => new Date('2026-01-02T03:04:05.000Z'));
    const file = path.join(dataDir, DEMO_STATE_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.createdAt).toBe('2026-01-02T03:04:05.000Z');
    const second = loadOrCreateDemoState(dataDir);
    expect(second.adminKey).toBe(first.adminKey);
  });

  it.each([
    ['not JSON', '{ nope', /not valid JSON/],
    ['no key', '{"createdAt":"x"}', /no valid adminKey/],
    ['a malformed key', '{"adminKey":"wtc_short"}', /no valid adminKey/],
  ])('refuses a state file with %s, naming it and leaving it untouched', (_case, content, message) => {
    const file = path.join(root, DEMO_STATE_FILE);
    fs.writeFileSync(file, content);
    expect(() => loadOrCreateDemoState(root)).toThrow(message);
    expect(() => loadOrCreateDemoState(root)).toThrow(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
  });
});

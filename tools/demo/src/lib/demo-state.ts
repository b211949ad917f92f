import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What the demo keeps between runs, in `<dataDir>/demo.json` (mode 0600). */
export interface DemoState {
  /** System-administrator API key handed to the engine as WIZTC_BOOTSTRAP_ADMIN_KEY. */
  readonly adminKey: string;
  readonly createdAt: string;
}

export const DEMO_STATE_FILE = 'demo.json';
const API_KEY = /^wtc_[A-Za-z0-9_-]{32,}$/;

/** A key in the engine's format: `wtc_` and 43 base64url characters (32 random bytes). */
export function generateDemoAdminKey(): string {
  return `wtc_${randomBytes(32).toString('base64url')}`;
}

/**
 * Reads the demo state, creating it (and the data directory) on first use. A file that exists but cannot be
 * read as demo state is never overwritten: the error names it, so the operator decides.
 */
export function loadOrCreateDemoState(dataDir: string, now: () => Date = () => new Date()): DemoState {
  const file = path.join(dataDir, DEMO_STATE_FILE);
  if (fs.existsSync(file)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(
        `${file} is not valid JSON (${(error as Error).message}); fix it or delete it to start afresh`,
      );
    }
    const candidate = parsed as Partial<DemoState> | null;
    if (!candidate || typeof candidate.adminKey !== 'string' || !API_KEY.test(candidate.adminKey)) {
      throw new Error(
        `${file} has no valid adminKey (wtc_ and at least 32 characters); fix it or delete it to start afresh`,
      );
    }
    return { adminKey: candidate.adminKey, createdAt: String(candidate.createdAt ?? '') };
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const state: DemoState = { adminKey: generateDemoAdminKey(), createdAt: now().toISOString() };
  fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return state;
}

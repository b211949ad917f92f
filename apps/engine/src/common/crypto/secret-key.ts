import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSecretKey } from '../../config';

export const SECRET_KEY_FILE = 'secret.key';

/**
 * The configured key, or (development only) a key generated once and kept in `<dataDir>/secret.key`
 * with mode 0600. Losing that file makes stored secrets unreadable: back it up with the database.
 */
export function resolveSecretKey(
  configured: Buffer | undefined,
  dataDir: string,
  log: (message: string) => void,
): Buffer {
  if (configured) return configured;
  const file = path.join(dataDir, SECRET_KEY_FILE);
  if (fs.existsSync(file)) {
    const key = parseSecretKey(fs.readFileSync(file, 'utf8').trim());
    if (!key) throw new Error(`${file} does not hold a 32-byte key (hex or base64)`);
    return key;
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  log(
    `WIZTC_SECRET_KEY is not set: generated a new encryption key in ${file} (mode 0600); set WIZTC_SECRET_KEY in production`,
  );
  return key;
}

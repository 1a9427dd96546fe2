import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the generated secret is kept when BETTER_AUTH_SECRET is not set. */
const SECRET_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), '.data', 'auth-secret');

/**
 * The secret that signs session cookies and sync tokens, shared by the app and the sync server:
 * BETTER_AUTH_SECRET if set, otherwise a random secret generated on first start and kept in
 * `.data/auth-secret` (readable only by its owner). Set BETTER_AUTH_SECRET in production.
 */
export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, 'utf8').trim();
  mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(SECRET_FILE, secret, { flag: 'wx', mode: 0o600 });
    chmodSync(SECRET_FILE, 0o600);
    return secret;
  } catch (error) {
    // Another process created it first: use theirs, so both sign with the same secret.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(SECRET_FILE, 'utf8').trim();
    throw error;
  }
}

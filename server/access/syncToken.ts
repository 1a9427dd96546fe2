import { createHash } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { authSecret } from '../config/authSecret';

/** How long a sync token lets its holder connect (seconds). */
export const SYNC_TOKEN_TTL_SECONDS = 10 * 60;

/** A key for sync tokens derived from the auth secret, so the two never share a key. */
function tokenKey(): Uint8Array {
  return new Uint8Array(createHash('sha256').update(`quire-sync-token:${authSecret()}`).digest());
}

/**
 * Signs a short-lived token that lets one user connect to one manuscript's sync room, for
 * browsers and for scripts (`npm run token`). It carries identity only: the role is looked up
 * when the connection is made, so a token never outlives a removal.
 */
export function signSyncToken(userId: string, manuscriptId: string, ttlSeconds = SYNC_TOKEN_TTL_SECONDS): Promise<string> {
  return signToken({ mid: manuscriptId }, userId, ttlSeconds);
}

/**
 * A token for the app's own short sessions in the live documents (a restore, settling every
 * suggestion, a replace-all), which ask for each change to be stored at once rather than at the
 * end of the room's storage window. Only the server signs tokens, so no browser can claim this.
 */
export function signAppSyncToken(userId: string, manuscriptId: string, ttlSeconds: number): Promise<string> {
  return signToken({ mid: manuscriptId, app: true }, userId, ttlSeconds);
}

function signToken(claims: { mid: string; app?: true }, userId: string, ttlSeconds: number): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .setAudience('quire-sync')
    .sign(tokenKey());
}

/** Who a valid token was issued to, and whether the app signed it for itself ({@link signAppSyncToken}). */
export interface SyncTokenHolder {
  userId: string;
  app: boolean;
}

/** The holder of a token, if it is valid, unexpired and for this manuscript; else null. */
export async function readSyncToken(token: string, manuscriptId: string): Promise<SyncTokenHolder | null> {
  try {
    const { payload } = await jwtVerify(token, tokenKey(), { audience: 'quire-sync', algorithms: ['HS256'] });
    if (payload.mid !== manuscriptId || typeof payload.sub !== 'string') return null;
    return { userId: payload.sub, app: payload.app === true };
  } catch {
    return null;
  }
}

/** The user id a token was issued to, if it is valid, unexpired and for this manuscript; else null. */
export async function verifySyncToken(token: string, manuscriptId: string): Promise<string | null> {
  return (await readSyncToken(token, manuscriptId))?.userId ?? null;
}

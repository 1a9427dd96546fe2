import { createHash, randomBytes } from 'node:crypto';

/** A new invitation token: 32 random bytes, url-safe. Shown once, in the link. */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of the token, so a database leak does not leak working links. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

import type { IncomingMessage } from 'node:http';
import type { PrismaClient } from '../generated/prisma/client';
import type { Auth } from '../auth/createAuth';
import { asRole, type Role } from './roles';
import { roleIn } from './roleIn';
import { verifySyncToken } from './syncToken';

/** Who a websocket connection belongs to and what they may do. */
export interface SyncAccess {
  userId: string;
  role: Role;
}

/** Why a connection was refused at the upgrade: 401 no valid credentials, 404 not a member. */
export interface SyncRefusal {
  status: 401 | 404;
}

/** What the sync server asks about access; see {@link createSyncAccessControl}. */
export interface SyncAccessControl {
  /** Authenticates an upgrade request (token or session cookie) and authorizes the room. */
  authorize(request: IncomingMessage, manuscriptId: string): Promise<SyncAccess | SyncRefusal>;
  /** Every member's current role in a manuscript, for applying role changes to live connections. */
  rolesIn(manuscriptId: string): Promise<Map<string, Role>>;
}

/**
 * Access control for the sync server on the database: a `?token=` sync token, or else the
 * browser's session cookie, identifies the user; their membership decides the room. A manuscript
 * you do not belong to answers the same as one that does not exist.
 */
export function createSyncAccessControl(prisma: PrismaClient, auth: Auth): SyncAccessControl {
  return {
    async authorize(request, manuscriptId) {
      const token = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token');
      const userId = token ? await verifySyncToken(token, manuscriptId) : await sessionUserId(auth, request);
      if (!userId) return { status: 401 };
      const role = await roleIn(prisma, manuscriptId, userId);
      return role ? { userId, role } : { status: 404 };
    },
    async rolesIn(manuscriptId) {
      const members = await prisma.membership.findMany({ where: { manuscriptId }, select: { userId: true, role: true } });
      return new Map(members.map((member) => [member.userId, asRole(member.role)]));
    },
  };
}

async function sessionUserId(auth: Auth, request: IncomingMessage): Promise<string | null> {
  if (!request.headers.cookie) return null;
  const headers = new Headers();
  headers.set('cookie', request.headers.cookie);
  const session = await auth.api.getSession({ headers }).catch(() => null);
  return session?.user.id ?? null;
}

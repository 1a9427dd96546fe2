import type { IncomingMessage } from 'node:http';
import type { PrismaClient } from '../generated/prisma/client';
import type { Auth } from '../auth/createAuth';
import { asRole, type Role } from '@model/access/roles';
import { roleIn } from './roleIn';
import { readSyncToken } from './syncToken';
import { appOriginsFromEnv, isAppOrigin, type AppOrigins } from './syncOrigin';

/** Who a websocket connection belongs to (their account's name, as co-writers see it) and what they may do. */
export interface SyncAccess {
  userId: string;
  name: string;
  role: Role;
  /** The app's own session (an app-signed token): its stored-acknowledgements store at once. */
  storesAtOnce?: boolean;
}

/**
 * Why a connection was refused at the upgrade: 401 no valid credentials, 403 a session cookie
 * sent from a page that is not the app's, 404 not a member.
 */
export interface SyncRefusal {
  status: 401 | 403 | 404;
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
 * browser's session cookie, identifies the user; their membership decides the room. A session
 * cookie counts only on an upgrade from the app's own origin (a page elsewhere would otherwise
 * ride on the cookie its browser sends); tokens, held by scripts and the app's own pages, need
 * no origin. A manuscript you do not belong to answers the same as one that does not exist.
 */
export function createSyncAccessControl(prisma: PrismaClient, auth: Auth, appOrigins: AppOrigins = appOriginsFromEnv()): SyncAccessControl {
  return {
    async authorize(request, manuscriptId) {
      const token = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token');
      let userId: string | null;
      let app = false;
      if (token) {
        const holder = await readSyncToken(token, manuscriptId);
        userId = holder?.userId ?? null;
        app = holder?.app ?? false;
      } else {
        if (!request.headers.cookie) return { status: 401 };
        if (!isAppOrigin(request.headers.origin, request.headers.host, appOrigins)) return { status: 403 };
        userId = await sessionUserId(auth, request);
      }
      if (!userId) return { status: 401 };
      const role = await roleIn(prisma, manuscriptId, userId);
      if (!role) return { status: 404 };
      const user = await prisma.user.findUnique({ where: { id: userId }, select: { name: true } });
      return user ? { userId, name: user.name, role, ...(app ? { storesAtOnce: true } : {}) } : { status: 401 };
    },
    async rolesIn(manuscriptId) {
      const members = await prisma.membership.findMany({ where: { manuscriptId }, select: { userId: true, role: true } });
      return new Map(members.map((member) => [member.userId, asRole(member.role)]));
    },
  };
}

async function sessionUserId(auth: Auth, request: IncomingMessage): Promise<string | null> {
  const headers = new Headers();
  headers.set('cookie', request.headers.cookie ?? '');
  const session = await auth.api.getSession({ headers }).catch(() => null);
  return session?.user.id ?? null;
}

import type { PrismaClient } from '../generated/prisma/client';
import { HttpError, notFound } from '../http/HttpError';
import { roleIn } from './roleIn';
import type { Role } from '@model/access/roles';

/**
 * The user's role in a manuscript, for a route handler or page. Not a member (or no such
 * manuscript): 404. A member whose role is not among `allowed`: 403.
 */
export async function memberAccess(
  prisma: PrismaClient,
  manuscriptId: string,
  userId: string,
  allowed?: readonly Role[],
): Promise<Role> {
  const role = await roleIn(prisma, manuscriptId, userId);
  if (!role) throw notFound();
  if (allowed && !allowed.includes(role)) throw new HttpError(403, `Your role (${role}) cannot do this.`);
  return role;
}

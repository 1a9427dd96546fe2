import type { PrismaClient } from '../generated/prisma/client';
import { asRole, type Role } from '@model/access/roles';

/** The user's role in a manuscript, or null if they are not a member (or it does not exist). */
export async function roleIn(prisma: PrismaClient, manuscriptId: string, userId: string): Promise<Role | null> {
  const membership = await prisma.membership.findUnique({
    where: { manuscriptId_userId: { manuscriptId, userId } },
    select: { role: true },
  });
  return membership ? asRole(membership.role) : null;
}

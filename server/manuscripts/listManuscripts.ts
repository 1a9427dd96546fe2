import type { PrismaClient } from '../generated/prisma/client';

import { asRole, type Role } from '@model/access/roles';

/** A manuscript as the library lists it, with the reader's role in it. */
export interface ManuscriptListing {
  id: string;
  title: string;
  wordCount: number;
  updatedAt: Date;
  role: Role;
}

/** The manuscripts a user belongs to, most recently changed first. */
export async function listManuscripts(prisma: PrismaClient, userId: string): Promise<ManuscriptListing[]> {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    select: { role: true, manuscript: { select: { id: true, title: true, wordCount: true, updatedAt: true } } },
    orderBy: { manuscript: { updatedAt: 'desc' } },
  });
  return memberships.map(({ role, manuscript }) => ({ ...manuscript, role: asRole(role) }));
}

import type { PrismaClient } from '../generated/prisma/client';

import { asRole, type Role } from '@model/access/roles';
import { unreadNotificationCounts } from '../comments/notifications';

/** A manuscript as the library lists it, with the reader's role in it. */
export interface ManuscriptListing {
  id: string;
  title: string;
  wordCount: number;
  updatedAt: Date;
  role: Role;
  /** What happened on the reader's comment threads since they last looked. */
  unreadNotifications: number;
}

/** The manuscripts a user belongs to, most recently changed first. */
export async function listManuscripts(prisma: PrismaClient, userId: string): Promise<ManuscriptListing[]> {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    select: { role: true, manuscript: { select: { id: true, title: true, wordCount: true, updatedAt: true } } },
    orderBy: { manuscript: { updatedAt: 'desc' } },
  });
  const unread = await unreadNotificationCounts(prisma, userId);
  return memberships.map(({ role, manuscript }) => ({ ...manuscript, role: asRole(role), unreadNotifications: unread.get(manuscript.id) ?? 0 }));
}

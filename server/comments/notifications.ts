import type { PrismaClient } from '../generated/prisma/client';
import { newId } from '@model/manuscript/newId';
import { notificationRecipients, type NotificationKind } from '@model/api/notificationRecipients';
import type { NotificationListing } from '@model/api/notificationListing';

type Client = Pick<PrismaClient, 'commentThread' | 'membership' | 'notification'>;

/** How many read notifications the list keeps showing after the unread ones. */
const READ_SHOWN = 20;

/**
 * Records who is told about something done on a thread (see notificationRecipients): its
 * participants, and members mentioned in `body`.
 */
export async function notifyThreadEvent(
  prisma: Client,
  event: { manuscriptId: string; threadId: string; actorId: string; kind: Exclude<NotificationKind, 'mention'> | 'thread'; body?: string },
): Promise<void> {
  const thread = await prisma.commentThread.findUniqueOrThrow({
    where: { id: event.threadId },
    select: { createdById: true, comments: { where: { deletedAt: null }, select: { authorId: true } } },
  });
  const participants = [thread.createdById, ...thread.comments.map((c) => c.authorId)].filter((id): id is string => id !== null);
  const memberships = await prisma.membership.findMany({ where: { manuscriptId: event.manuscriptId }, select: { userId: true, user: { select: { name: true } } } });
  const members = memberships.map((m) => ({ userId: m.userId, name: m.user.name }));
  const recipients = notificationRecipients({ kind: event.kind, actorId: event.actorId, participants, members, body: event.body });
  if (recipients.length === 0) return;
  await prisma.notification.createMany({
    data: recipients.map(({ userId, kind }) => ({ id: newId(), userId, kind, manuscriptId: event.manuscriptId, threadId: event.threadId, actorId: event.actorId })),
  });
}

/** A member's notifications in one manuscript: every unread one, then the latest read ones. */
export async function listNotifications(prisma: PrismaClient, manuscriptId: string, userId: string): Promise<NotificationListing[]> {
  const select = { id: true, kind: true, threadId: true, createdAt: true, readAt: true, actor: { select: { name: true } }, thread: { select: { quote: true, sectionId: true } } } as const;
  const [unread, read] = await Promise.all([
    prisma.notification.findMany({ where: { manuscriptId, userId, readAt: null }, orderBy: { createdAt: 'desc' }, select }),
    prisma.notification.findMany({ where: { manuscriptId, userId, readAt: { not: null } }, orderBy: { createdAt: 'desc' }, take: READ_SHOWN, select }),
  ]);
  return [...unread, ...read].map((n) => ({
    id: n.id,
    kind: n.kind as NotificationKind,
    threadId: n.threadId,
    sectionId: n.thread.sectionId,
    quote: n.thread.quote,
    actor: n.actor?.name ?? null,
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
  }));
}

/** Marks every notification of a member in a manuscript as read ("since you last looked"). */
export async function markNotificationsRead(prisma: PrismaClient, manuscriptId: string, userId: string): Promise<void> {
  await prisma.notification.updateMany({ where: { manuscriptId, userId, readAt: null }, data: { readAt: new Date() } });
}

/** How many unread notifications a user has, per manuscript (for the library). */
export async function unreadNotificationCounts(prisma: PrismaClient, userId: string): Promise<Map<string, number>> {
  const groups = await prisma.notification.groupBy({ by: ['manuscriptId'], where: { userId, readAt: null }, _count: { _all: true } });
  return new Map(groups.map((g) => [g.manuscriptId, g._count._all]));
}

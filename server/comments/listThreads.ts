import type { PrismaClient } from '../generated/prisma/client';
import type { ThreadListing } from '@model/api/threadListing';

const person = { select: { id: true, name: true } } as const;

/** Every comment thread of a manuscript with its comments, oldest first. */
export async function listThreads(prisma: PrismaClient, manuscriptId: string): Promise<ThreadListing[]> {
  const threads = await prisma.commentThread.findMany({
    where: { manuscriptId },
    orderBy: { createdAt: 'asc' },
    include: { createdBy: person, resolvedBy: person, comments: { orderBy: { createdAt: 'asc' }, include: { author: person } } },
  });
  return threads.map((thread) => ({
    id: thread.id,
    sectionId: thread.sectionId,
    quote: thread.quote,
    createdAt: thread.createdAt.toISOString(),
    createdBy: thread.createdBy,
    resolvedAt: thread.resolvedAt?.toISOString() ?? null,
    resolvedBy: thread.resolvedBy,
    comments: thread.comments.map((comment) => ({
      id: comment.id,
      author: comment.author,
      body: comment.deletedAt ? '' : comment.body,
      createdAt: comment.createdAt.toISOString(),
      editedAt: comment.editedAt?.toISOString() ?? null,
      deleted: comment.deletedAt !== null,
    })),
  }));
}

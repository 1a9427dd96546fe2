import type { PrismaClient } from '../generated/prisma/client';
import { canWrite, type Role } from '@model/access/roles';
import { newId } from '@model/manuscript/newId';
import { HttpError } from '../http/HttpError';
import { READ_THEN_WRITE, retryWhenBusy } from '../persistence/retryWhenBusy';
import { notifyThreadEvent } from './notifications';

/** The roles that may take part in threads: everyone but viewers. */
export const COMMENTING_ROLES: readonly Role[] = ['owner', 'editor', 'commenter'];

const noThread = () => new HttpError(404, 'There is no such comment thread.');
const noComment = () => new HttpError(404, 'There is no such comment.');

/** Whether the manuscript has a section document by that id (stored, so a real section). */
async function sectionExists(prisma: PrismaClient, manuscriptId: string, sectionId: string): Promise<boolean> {
  const where = { manuscriptId, docName: sectionId };
  return (await prisma.manuscriptSnapshot.count({ where })) > 0 || (await prisma.manuscriptUpdate.count({ where })) > 0;
}

/** The thread, if it belongs to this manuscript (another manuscript's thread is as good as missing). */
async function threadIn(prisma: PrismaClient, manuscriptId: string, threadId: string) {
  const thread = await prisma.commentThread.findUnique({ where: { id: threadId } });
  if (!thread || thread.manuscriptId !== manuscriptId) throw noThread();
  return thread;
}

/** Starts a thread on a passage of a section with its first comment. */
export async function createThread(
  prisma: PrismaClient,
  manuscriptId: string,
  authorId: string,
  thread: { id: string; sectionId: string; quote: string; body: string },
): Promise<void> {
  if (!(await sectionExists(prisma, manuscriptId, thread.sectionId))) throw new HttpError(400, 'There is no such section in this manuscript.');
  if (await prisma.commentThread.findUnique({ where: { id: thread.id } })) throw new HttpError(409, 'A thread with this id exists already.');
  await retryWhenBusy(() => prisma.$transaction(async (tx) => {
    await tx.commentThread.create({
      data: {
        id: thread.id,
        manuscriptId,
        sectionId: thread.sectionId,
        quote: thread.quote,
        createdById: authorId,
        comments: { create: { id: newId(), authorId, body: thread.body } },
      },
    });
    await notifyThreadEvent(tx, { manuscriptId, threadId: thread.id, actorId: authorId, kind: 'thread', body: thread.body });
  }, READ_THEN_WRITE));
}

/** Adds a reply to a thread (a resolved thread too: replying does not reopen it). */
export async function replyToThread(prisma: PrismaClient, manuscriptId: string, threadId: string, authorId: string, body: string): Promise<string> {
  await threadIn(prisma, manuscriptId, threadId);
  const id = newId();
  await retryWhenBusy(() => prisma.$transaction(async (tx) => {
    await tx.comment.create({ data: { id, threadId, authorId, body } });
    await notifyThreadEvent(tx, { manuscriptId, threadId, actorId: authorId, kind: 'reply', body });
  }, READ_THEN_WRITE));
  return id;
}

/** The comment, if it is in one of this manuscript's threads and was written by `userId`. */
async function ownComment(prisma: PrismaClient, manuscriptId: string, commentId: string, userId: string) {
  const comment = await prisma.comment.findUnique({ where: { id: commentId }, include: { thread: true } });
  if (!comment || comment.thread.manuscriptId !== manuscriptId || comment.deletedAt) throw noComment();
  if (comment.authorId !== userId) throw new HttpError(403, 'Only its author can change a comment.');
  return comment;
}

/** Changes the text of one's own comment. */
export async function editComment(prisma: PrismaClient, manuscriptId: string, commentId: string, userId: string, body: string): Promise<void> {
  await ownComment(prisma, manuscriptId, commentId, userId);
  await prisma.comment.update({ where: { id: commentId }, data: { body, editedAt: new Date() } });
}

/**
 * Deletes one's own comment. It keeps its place in the thread (so replies still read in order)
 * until every comment of the thread is deleted; then the thread goes too, and the answer says so
 * (the browser then takes its mark off the text).
 */
export async function deleteComment(prisma: PrismaClient, manuscriptId: string, commentId: string, userId: string): Promise<{ threadDeleted: boolean }> {
  const comment = await ownComment(prisma, manuscriptId, commentId, userId);
  return retryWhenBusy(() => prisma.$transaction(async (tx) => {
    await tx.comment.update({ where: { id: commentId }, data: { deletedAt: new Date(), body: '' } });
    const left = await tx.comment.count({ where: { threadId: comment.threadId, deletedAt: null } });
    if (left > 0) return { threadDeleted: false };
    await tx.commentThread.delete({ where: { id: comment.threadId } });
    return { threadDeleted: true };
  }, READ_THEN_WRITE));
}

/**
 * Resolves or reopens a thread (telling its participants; nothing happens if it is already so).
 * Owners and editors may resolve anyone's; a commenter only a thread they started.
 */
export async function setThreadResolved(
  prisma: PrismaClient,
  manuscriptId: string,
  threadId: string,
  user: { id: string; role: Role },
  resolved: boolean,
): Promise<void> {
  const thread = await threadIn(prisma, manuscriptId, threadId);
  if (!canWrite(user.role) && thread.createdById !== user.id) throw new HttpError(403, 'Only editors, owners and whoever started it can resolve or reopen a thread.');
  if ((thread.resolvedAt !== null) === resolved) return;
  await retryWhenBusy(() => prisma.$transaction(async (tx) => {
    await tx.commentThread.update({
      where: { id: threadId },
      data: resolved ? { resolvedAt: new Date(), resolvedById: user.id } : { resolvedAt: null, resolvedById: null },
    });
    await notifyThreadEvent(tx, { manuscriptId, threadId, actorId: user.id, kind: resolved ? 'resolved' : 'reopened' });
  }, READ_THEN_WRITE));
}

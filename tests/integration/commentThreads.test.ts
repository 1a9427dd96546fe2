import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import { createThread, deleteComment, editComment, replyToThread, setThreadResolved } from '../../server/comments/threadChanges';
import { listThreads } from '../../server/comments/listThreads';
import { listNotifications, markNotificationsRead } from '../../server/comments/notifications';
import { listManuscripts } from '../../server/manuscripts/listManuscripts';
import { memberChanger } from '../../server/access/memberChanger';
import { newId } from '@model/manuscript/newId';
import { HttpError } from '../../server/http/HttpError';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { createMember, createOwnedManuscript } from '../support/members';
import { fileScope } from '../support/testScope';

// Threads and their notifications against a real SQLite database: who is told what (only a
// thread's participants and the members a comment mentions, never the one who acted), the
// library's count, and the rules on changing and deleting comments.

let database: TempDatabase;
before(async (t) => {
  database = await createTempDatabase(fileScope(t));
});

async function bookWithMembers(title: string) {
  const manuscript = newManuscript(title);
  const chapterId = manuscript.sections.find((section) => section.kind === 'chapter')!.id;
  const { id, owner } = await createOwnedManuscript(database.prisma, title, { layout: 'sections', manuscript });
  const ben = await createMember(database.prisma, id, 'editor', 'Ben');
  const cora = await createMember(database.prisma, id, 'commenter', 'Cora');
  const vi = await createMember(database.prisma, id, 'viewer', 'Vi');
  return { id, chapterId, owner, ben, cora, vi };
}

const told = async (manuscriptId: string, userId: string) => (await listNotifications(database.prisma, manuscriptId, userId)).filter((n) => !n.read).map((n) => n.kind).sort();

test('only participants and mentioned members are told, never the one who acted; the library counts what is unread', async () => {
  const { id, chapterId, owner, ben, cora, vi } = await bookWithMembers('Notified');
  const threadId = newId();
  await createThread(database.prisma, id, cora.userId, { id: threadId, sectionId: chapterId, quote: 'The lot', body: 'Is this the same lot, @Ben?' });
  assert.deepEqual(await told(id, ben.userId), ['mention']);
  assert.deepEqual(await told(id, owner.userId), [], 'the owner takes no part yet');
  assert.deepEqual(await told(id, cora.userId), []);

  await replyToThread(database.prisma, id, threadId, ben.userId, 'Yes.');
  assert.deepEqual(await told(id, cora.userId), ['reply']);
  assert.deepEqual(await told(id, ben.userId), ['mention'], 'no notification of one’s own reply');
  assert.deepEqual(await told(id, owner.userId), []);
  assert.deepEqual(await told(id, vi.userId), []);

  await replyToThread(database.prisma, id, threadId, cora.userId, 'Thanks. @vi, @Owner: fixed.');
  assert.deepEqual(await told(id, ben.userId), ['mention', 'reply']);
  assert.deepEqual(await told(id, vi.userId), ['mention']);
  assert.deepEqual(await told(id, owner.userId), ['mention']);

  await setThreadResolved(database.prisma, id, threadId, { id: owner.userId, role: 'owner' }, true);
  await setThreadResolved(database.prisma, id, threadId, { id: owner.userId, role: 'owner' }, true); // already so: nothing new
  assert.deepEqual(await told(id, cora.userId), ['reply', 'resolved']);
  assert.deepEqual(await told(id, ben.userId), ['mention', 'reply', 'resolved']);
  assert.deepEqual(await told(id, vi.userId), ['mention'], 'a mentioned viewer takes no part in the thread');

  const library = await listManuscripts(database.prisma, ben.userId);
  assert.equal(library.find((m) => m.id === id)!.unreadNotifications, 3);
  await markNotificationsRead(database.prisma, id, ben.userId);
  assert.equal((await listManuscripts(database.prisma, ben.userId)).find((m) => m.id === id)!.unreadNotifications, 0);
  assert.equal((await listNotifications(database.prisma, id, ben.userId)).length, 3, 'read ones stay listed');

  // A participant who left is told nothing more.
  await memberChanger(database.prisma, id, ben.userId, null);
  await setThreadResolved(database.prisma, id, threadId, { id: owner.userId, role: 'owner' }, false);
  assert.deepEqual(await told(id, ben.userId), []);
  assert.deepEqual(await told(id, cora.userId), ['reopened', 'reply', 'resolved']);
});

test('comments: only their author edits or deletes them; a thread goes with its last comment; commenters resolve only their own threads', async () => {
  const { id, chapterId, owner, ben, cora } = await bookWithMembers('Rules');
  const threadId = newId();
  await createThread(database.prisma, id, ben.userId, { id: threadId, sectionId: chapterId, quote: 'Rain', body: 'First.' });
  const replyId = await replyToThread(database.prisma, id, threadId, cora.userId, 'Second.');
  const [first] = (await listThreads(database.prisma, id))[0].comments;

  await assert.rejects(editComment(database.prisma, id, first.id, cora.userId, 'Not mine.'), (e: HttpError) => e.status === 403);
  await assert.rejects(deleteComment(database.prisma, id, first.id, owner.userId), (e: HttpError) => e.status === 403);
  await assert.rejects(setThreadResolved(database.prisma, id, threadId, { id: cora.userId, role: 'commenter' }, true), (e: HttpError) => e.status === 403);
  await editComment(database.prisma, id, first.id, ben.userId, 'First, edited.');

  assert.deepEqual(await deleteComment(database.prisma, id, replyId, cora.userId), { threadDeleted: false });
  const thread = (await listThreads(database.prisma, id))[0];
  assert.deepEqual(thread.comments.map((c) => [c.body, c.deleted, c.editedAt !== null]), [
    ['First, edited.', false, true],
    ['', true, false],
  ]);
  assert.deepEqual(await deleteComment(database.prisma, id, first.id, ben.userId), { threadDeleted: true });
  assert.deepEqual(await listThreads(database.prisma, id), []);
});

test('a thread in another manuscript, a section that does not exist or a reused id is refused', async () => {
  const one = await bookWithMembers('One');
  const two = await bookWithMembers('Two');
  const threadId = newId();
  await createThread(database.prisma, one.id, one.owner.userId, { id: threadId, sectionId: one.chapterId, quote: 'x', body: 'y' });
  await assert.rejects(replyToThread(database.prisma, two.id, threadId, two.owner.userId, 'Across.'), (e: HttpError) => e.status === 404);
  await assert.rejects(setThreadResolved(database.prisma, two.id, threadId, { id: two.owner.userId, role: 'owner' }, true), (e: HttpError) => e.status === 404);
  await assert.rejects(createThread(database.prisma, two.id, two.owner.userId, { id: newId(), sectionId: one.chapterId, quote: 'x', body: 'y' }), (e: HttpError) => e.status === 400);
  await assert.rejects(createThread(database.prisma, one.id, one.owner.userId, { id: threadId, sectionId: one.chapterId, quote: 'x', body: 'y' }), (e: HttpError) => e.status === 409);
  assert.equal((await listThreads(database.prisma, two.id)).length, 0);
});

import { NextResponse } from 'next/server';
import { db } from '../../../../../server/db';
import { apiUser } from '../../../../../server/auth/apiUser';
import { HttpError } from '../../../../../server/http/HttpError';
import { jsonRoute, readJson } from '../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../server/access/memberAccess';
import { listThreads } from '../../../../../server/comments/listThreads';
import { unreadNotificationCounts } from '../../../../../server/comments/notifications';
import { COMMENTING_ROLES, createThread } from '../../../../../server/comments/threadChanges';
import { NewThread } from '../../../../../server/comments/commentInput';

type Context = { params: Promise<{ id: string }> };

/** GET /api/manuscripts/:id/threads: every comment thread with its comments (any member), and how many notifications the reader has not seen. */
export const GET = jsonRoute(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id);
  const [threads, unread] = await Promise.all([listThreads(db, id), unreadNotificationCounts(db, user.id)]);
  return NextResponse.json({ threads, unreadNotifications: unread.get(id) ?? 0 });
});

/** POST /api/manuscripts/:id/threads `{ id, sectionId, quote, body }`: starts a thread (commenters, editors, owners). */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id, COMMENTING_ROLES);
  const parsed = NewThread.safeParse(await readJson(request));
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Send { "id", "sectionId", "quote", "body" }.');
  await createThread(db, id, user.id, parsed.data);
  return NextResponse.json({ id: parsed.data.id }, { status: 201 });
});

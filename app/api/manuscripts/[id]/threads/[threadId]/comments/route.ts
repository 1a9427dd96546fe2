import { NextResponse } from 'next/server';
import { db } from '../../../../../../../server/db';
import { apiUser } from '../../../../../../../server/auth/apiUser';
import { HttpError } from '../../../../../../../server/http/HttpError';
import { jsonRoute, readJson } from '../../../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../../../server/access/memberAccess';
import { COMMENTING_ROLES, replyToThread } from '../../../../../../../server/comments/threadChanges';
import { CommentBody } from '../../../../../../../server/comments/commentInput';

type Context = { params: Promise<{ id: string; threadId: string }> };

/** POST /api/manuscripts/:id/threads/:threadId/comments `{ body }`: replies to a thread. */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { id, threadId } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id, COMMENTING_ROLES);
  const parsed = CommentBody.safeParse(await readJson(request));
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Send { "body": "…" }.');
  const commentId = await replyToThread(db, id, threadId, user.id, parsed.data.body);
  return NextResponse.json({ id: commentId }, { status: 201 });
});

import { NextResponse } from 'next/server';
import { db } from '../../../../../../server/db';
import { apiUser } from '../../../../../../server/auth/apiUser';
import { HttpError } from '../../../../../../server/http/HttpError';
import { jsonRoute, readJson } from '../../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../../server/access/memberAccess';
import { COMMENTING_ROLES, deleteComment, editComment } from '../../../../../../server/comments/threadChanges';
import { CommentBody } from '../../../../../../server/comments/commentInput';

type Context = { params: Promise<{ id: string; commentId: string }> };

/** PATCH /api/manuscripts/:id/comments/:commentId `{ body }`: changes one's own comment. */
export const PATCH = jsonRoute(async (request: Request, { params }: Context) => {
  const { id, commentId } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id, COMMENTING_ROLES);
  const parsed = CommentBody.safeParse(await readJson(request));
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Send { "body": "…" }.');
  await editComment(db, id, commentId, user.id, parsed.data.body);
  return NextResponse.json({ ok: true });
});

/** DELETE /api/manuscripts/:id/comments/:commentId: deletes one's own comment (the thread with its last one). */
export const DELETE = jsonRoute(async (_request: Request, { params }: Context) => {
  const { id, commentId } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id, COMMENTING_ROLES);
  return NextResponse.json(await deleteComment(db, id, commentId, user.id));
});

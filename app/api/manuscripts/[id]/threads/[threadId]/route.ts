import { NextResponse } from 'next/server';
import { db } from '../../../../../../server/db';
import { apiUser } from '../../../../../../server/auth/apiUser';
import { HttpError } from '../../../../../../server/http/HttpError';
import { jsonRoute, readJson } from '../../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../../server/access/memberAccess';
import { COMMENTING_ROLES, setThreadResolved } from '../../../../../../server/comments/threadChanges';
import { ThreadState } from '../../../../../../server/comments/commentInput';

type Context = { params: Promise<{ id: string; threadId: string }> };

/** PATCH /api/manuscripts/:id/threads/:threadId `{ resolved }`: resolves or reopens a thread. */
export const PATCH = jsonRoute(async (request: Request, { params }: Context) => {
  const { id, threadId } = await params;
  const user = await apiUser();
  const role = await memberAccess(db, id, user.id, COMMENTING_ROLES);
  const parsed = ThreadState.safeParse(await readJson(request));
  if (!parsed.success) throw new HttpError(400, 'Send { "resolved": true } or { "resolved": false }.');
  await setThreadResolved(db, id, threadId, { id: user.id, role }, parsed.data.resolved);
  return NextResponse.json({ ok: true });
});

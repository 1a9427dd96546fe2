import { NextResponse } from 'next/server';
import { db } from '../../../../../../server/db';
import { apiUser } from '../../../../../../server/auth/apiUser';
import { jsonRoute, readJson } from '../../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../../server/access/memberAccess';
import { markNotificationsRead } from '../../../../../../server/comments/notifications';

type Context = { params: Promise<{ id: string }> };

/** POST /api/manuscripts/:id/notifications/read `{}`: the reader has looked; all are read. */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  await readJson(request);
  const user = await apiUser();
  await memberAccess(db, id, user.id);
  await markNotificationsRead(db, id, user.id);
  return NextResponse.json({ ok: true });
});

import { NextResponse } from 'next/server';
import { db } from '../../../../../server/db';
import { apiUser } from '../../../../../server/auth/apiUser';
import { jsonRoute } from '../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../server/access/memberAccess';
import { listNotifications } from '../../../../../server/comments/notifications';

type Context = { params: Promise<{ id: string }> };

/** GET /api/manuscripts/:id/notifications: what happened on the reader's threads, unread first. */
export const GET = jsonRoute(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id);
  return NextResponse.json({ notifications: await listNotifications(db, id, user.id) });
});

import { NextResponse } from 'next/server';
import { z } from 'zod';
import { db } from '../../../../../../server/db';
import { apiUser } from '../../../../../../server/auth/apiUser';
import { HttpError } from '../../../../../../server/http/HttpError';
import { jsonRoute, readJson } from '../../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../../server/access/memberAccess';
import { memberChanger } from '../../../../../../server/access/memberChanger';
import { RoleSchema } from '../../../../../../server/access/roleSchema';

type Context = { params: Promise<{ id: string; userId: string }> };
const ChangeRole = z.object({ role: RoleSchema });

/** PATCH /api/manuscripts/:id/members/:userId `{ role }`: the owner changes a member's role. */
export const PATCH = jsonRoute(async (request: Request, { params }: Context) => {
  const { id, userId } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id, ['owner']);
  const parsed = ChangeRole.safeParse(await readJson(request));
  if (!parsed.success) throw new HttpError(400, 'The role must be owner, editor, commenter or viewer.');
  await memberChanger(db, id, userId, parsed.data.role);
  return NextResponse.json({ ok: true });
});

/** DELETE /api/manuscripts/:id/members/:userId: the owner removes a member, or a member leaves. */
export const DELETE = jsonRoute(async (_request: Request, { params }: Context) => {
  const { id, userId } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id, userId === user.id ? undefined : ['owner']);
  await memberChanger(db, id, userId, null);
  return NextResponse.json({ ok: true });
});

import { NextResponse } from 'next/server';
import { z } from 'zod';
import { db } from '../../../../../server/db';
import { apiUser } from '../../../../../server/auth/apiUser';
import { HttpError } from '../../../../../server/http/HttpError';
import { jsonRoute, readJson } from '../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../server/access/memberAccess';
import { invitationCreator, listInvitations } from '../../../../../server/access/invitations';
import { publicOrigin } from '../../../../../server/http/publicOrigin';

type Context = { params: Promise<{ id: string }> };
const CreateInvitation = z.object({
  role: z.enum(['editor', 'commenter', 'viewer']),
  expiresInDays: z.number().int().min(1).max(30).default(7),
});

/** GET /api/manuscripts/:id/invitations: the invitation links that still work (owner). */
export const GET = jsonRoute(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id, ['owner']);
  return NextResponse.json({ invitations: await listInvitations(db, id) });
});

/** POST /api/manuscripts/:id/invitations `{ role, expiresInDays }`: a new invitation link (owner). */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id, ['owner']);
  const parsed = CreateInvitation.safeParse(await readJson(request));
  if (!parsed.success) throw new HttpError(400, 'Choose a role (editor, commenter or viewer) and 1 to 30 days.');
  const invitation = await invitationCreator(db, { manuscriptId: id, createdById: user.id, ...parsed.data });
  const url = `${publicOrigin(request)}/invite/${invitation.token}`;
  return NextResponse.json({ id: invitation.id, url, expiresAt: invitation.expiresAt }, { status: 201 });
});

import { NextResponse } from 'next/server';
import { db } from '../../../../server/db';
import { apiUser } from '../../../../server/auth/apiUser';
import { jsonRoute } from '../../../../server/http/jsonRoute';
import { invitationAccepter } from '../../../../server/access/invitations';

/** POST /api/invitations/:token: the signed-in user accepts an invitation and joins the manuscript. */
export const POST = jsonRoute(async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const user = await apiUser();
  const manuscriptId = await invitationAccepter(db, token, user.id);
  return NextResponse.json({ manuscriptId });
});

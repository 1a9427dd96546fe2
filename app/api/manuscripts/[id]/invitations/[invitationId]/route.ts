import { NextResponse } from 'next/server';
import { db } from '../../../../../../server/db';
import { apiUser } from '../../../../../../server/auth/apiUser';
import { jsonRoute } from '../../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../../server/access/memberAccess';
import { invitationRevoker } from '../../../../../../server/access/invitations';

/** DELETE /api/manuscripts/:id/invitations/:invitationId: revokes an invitation link (owner). */
export const DELETE = jsonRoute(async (_request: Request, { params }: { params: Promise<{ id: string; invitationId: string }> }) => {
  const { id, invitationId } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id, ['owner']);
  await invitationRevoker(db, id, invitationId);
  return NextResponse.json({ ok: true });
});

import { NextResponse } from 'next/server';
import { db } from '../../../../../server/db';
import { apiUser } from '../../../../../server/auth/apiUser';
import { jsonRoute } from '../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../server/access/memberAccess';
import { listMembers } from '../../../../../server/access/listMembers';

/** GET /api/manuscripts/:id/members: who belongs to the manuscript, with their roles (any member). */
export const GET = jsonRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id);
  return NextResponse.json({ members: await listMembers(db, id) });
});

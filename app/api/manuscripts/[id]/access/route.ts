import { NextResponse } from 'next/server';
import { db } from '../../../../../server/db';
import { apiUser } from '../../../../../server/auth/apiUser';
import { jsonRoute } from '../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../server/access/memberAccess';
import { SYNC_TOKEN_TTL_SECONDS, signSyncToken } from '../../../../../server/access/syncToken';

/**
 * GET /api/manuscripts/:id/access: your role and a fresh sync token for the manuscript's room.
 * The writing room calls it on every (re)connect, so a role change shows without a reload.
 */
export const GET = jsonRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const user = await apiUser();
  const role = await memberAccess(db, id, user.id);
  return NextResponse.json({ role, token: await signSyncToken(user.id, id), expiresInSeconds: SYNC_TOKEN_TTL_SECONDS });
});

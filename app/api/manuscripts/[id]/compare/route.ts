import { NextResponse } from 'next/server';
import { db } from '../../../../../server/db';
import { apiUser } from '../../../../../server/auth/apiUser';
import { HttpError } from '../../../../../server/http/HttpError';
import { jsonRoute } from '../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../server/access/memberAccess';
import { compareRevisions } from '../../../../../server/revisions/compareRevisions';

/** GET /api/manuscripts/:id/compare?from=<revision>&to=<revision|now>: the diff between two versions (any member). */
export const GET = jsonRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id);
  const search = new URL(request.url).searchParams;
  const from = search.get('from');
  const to = search.get('to') ?? 'now';
  if (!from) throw new HttpError(400, 'Say which revision to compare from: ?from=<revision id>&to=<revision id or now>.');
  return NextResponse.json({ diff: await compareRevisions(db, id, from, to) });
});

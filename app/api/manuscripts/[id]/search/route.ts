import { NextResponse } from 'next/server';
import { db } from '../../../../../server/db';
import { apiUser } from '../../../../../server/auth/apiUser';
import { jsonRoute } from '../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../server/access/memberAccess';
import { searchBook } from '../../../../../server/search/searchBook';
import { searchQueryFromParams, withQueryErrors } from '../../../../../server/search/searchQueryInput';
import { oneSearchAtATime } from '../../../../../server/search/oneSearchAtATime';

/**
 * GET /api/manuscripts/:id/search?q=&case=1&words=1&regex=1&suggestions=1: every match in the
 * book, by section in reading order (any member; the find panel asks again as co-writers type).
 * 400 with a message for an invalid expression; 429 while the same writer's previous search runs.
 */
export const GET = jsonRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id);
  const query = searchQueryFromParams(new URL(request.url).searchParams);
  const listing = await oneSearchAtATime(user.id, () => withQueryErrors(() => searchBook(db, id, query)));
  return NextResponse.json(listing, { headers: { 'cache-control': 'no-store' } });
});

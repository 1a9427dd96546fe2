import { NextResponse } from 'next/server';
import { db } from '../../../../../server/db';
import { apiUser } from '../../../../../server/auth/apiUser';
import { jsonRoute } from '../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../server/access/memberAccess';
import { oneAtATime } from '../../../../../server/http/oneAtATime';
import { writingProgress } from '../../../../../server/progress/writingProgress';
import { progressQueryFromParams } from '../../../../../server/progress/progressQueryInput';

// A count reads the book's history in the app's own process: one per writer, and a few at a time in all.
const oneCountAtATime = oneAtATime('The progress is being counted; it is asked again in a moment.', { overall: 4 });

/**
 * GET /api/manuscripts/:id/progress?days=30|90&timeZone=Europe/Paris: words written per day per
 * co-writer, the book's size per day and streaks (any member). 400 for another range or an
 * unknown time zone; 429 while the same writer's previous count runs.
 */
export const GET = jsonRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id);
  const query = progressQueryFromParams(new URL(request.url).searchParams);
  const listing = await oneCountAtATime(user.id, () => writingProgress(db, id, query));
  return NextResponse.json(listing, { headers: { 'cache-control': 'no-store' } });
});

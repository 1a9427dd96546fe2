import { NextResponse } from 'next/server';
import { db } from '../../../../../../server/db';
import { apiUser } from '../../../../../../server/auth/apiUser';
import { HttpError } from '../../../../../../server/http/HttpError';
import { jsonRoute, readJson } from '../../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../../server/access/memberAccess';
import { DecisionsInput, recordDecisions } from '../../../../../../server/suggestions/suggestionDecisions';

/**
 * POST /api/manuscripts/:id/suggestions/decisions `{ decisions: [{ suggestionId, outcome }] }`:
 * records who accepted or rejected suggestions in the editor (editors and owners), for the
 * history's compare. The settling itself is a change to the text, made through the sync server.
 */
export const POST = jsonRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id, ['owner', 'editor']);
  const parsed = DecisionsInput.safeParse(await readJson(request));
  if (!parsed.success) throw new HttpError(400, 'Send { "decisions": [{ "suggestionId": "…", "outcome": "accepted" | "rejected" }] }.');
  await recordDecisions(db, id, user.id, parsed.data.decisions);
  return NextResponse.json({ recorded: parsed.data.decisions.length }, { status: 201 });
});

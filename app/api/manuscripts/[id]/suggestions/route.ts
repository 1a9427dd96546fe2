import { NextResponse } from 'next/server';
import { z } from 'zod';
import { db } from '../../../../../server/db';
import { apiUser } from '../../../../../server/auth/apiUser';
import { HttpError } from '../../../../../server/http/HttpError';
import { jsonRoute, readJson } from '../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../server/access/memberAccess';
import { settleBookSuggestions } from '../../../../../server/suggestions/settleBookSuggestions';

const Settle = z.object({ action: z.enum(['accept', 'reject']) });

/**
 * POST /api/manuscripts/:id/suggestions `{ action: "accept" | "reject" }`: accepts or rejects every
 * pending suggestion in the book (editors and owners). One suggestion, or a section's, is settled
 * in the editor itself. Answers how many sections changed.
 */
export const POST = jsonRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id, ['owner', 'editor']);
  const parsed = Settle.safeParse(await readJson(request));
  if (!parsed.success) throw new HttpError(400, 'Send { "action": "accept" } or { "action": "reject" }.');
  const sections = await settleBookSuggestions(db, { manuscriptId: id, userId: user.id, accept: parsed.data.action === 'accept' });
  return NextResponse.json({ sections });
});

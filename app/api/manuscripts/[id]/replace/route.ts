import { NextResponse } from 'next/server';
import { z } from 'zod';
import { db } from '../../../../../server/db';
import { apiUser } from '../../../../../server/auth/apiUser';
import { HttpError } from '../../../../../server/http/HttpError';
import { jsonRoute, readJson } from '../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../server/access/memberAccess';
import { replaceInBook } from '../../../../../server/search/replaceInBook';
import { SearchQueryInput, withQueryErrors } from '../../../../../server/search/searchQueryInput';

const Replace = z.object({
  query: SearchQueryInput,
  replacement: z.string().max(10_000, 'Replace with at most 10,000 characters.'),
  sectionId: z.string().min(1).max(100).optional(),
});

/**
 * POST /api/manuscripts/:id/replace `{ query, replacement, sectionId? }`: replaces every match in
 * the book, or in one section, through the live documents (editors and owners), recorded as one
 * named revision. Answers `{ replaced, sections, revisionId }`.
 */
export const POST = jsonRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id, ['owner', 'editor']);
  const parsed = Replace.safeParse(await readJson(request));
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Send { "query": { "text": "…" }, "replacement": "…" }.');
  const { query, replacement, sectionId } = parsed.data;
  const outcome = await withQueryErrors(() => replaceInBook(db, { manuscriptId: id, userId: user.id, query, replacement, sectionId }));
  return NextResponse.json(outcome);
});

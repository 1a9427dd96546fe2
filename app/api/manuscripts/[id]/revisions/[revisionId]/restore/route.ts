import { NextResponse } from 'next/server';
import { z } from 'zod';
import { db } from '../../../../../../../server/db';
import { apiUser } from '../../../../../../../server/auth/apiUser';
import { HttpError } from '../../../../../../../server/http/HttpError';
import { jsonRoute, readJson } from '../../../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../../../server/access/memberAccess';
import { revisionRestorer } from '../../../../../../../server/revisions/revisionRestorer';

const Restore = z.object({
  /** Restore only this section; omit to restore the whole book. */
  sectionId: z.string().min(1).max(64).optional(),
  /** How the restore is described in the history ("Chapter 2", "the book"). */
  label: z.string().trim().min(1).max(200).default('the book'),
});

/** POST /api/manuscripts/:id/revisions/:revisionId/restore `{ sectionId?, label }` (editors and owners). */
export const POST = jsonRoute(async (request: Request, { params }: { params: Promise<{ id: string; revisionId: string }> }) => {
  const { id, revisionId } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id, ['owner', 'editor']);
  const parsed = Restore.safeParse(await readJson(request));
  if (!parsed.success) throw new HttpError(400, 'Send { "sectionId"?: "…", "label": "…" }.');
  const restoreId = await revisionRestorer(db, { manuscriptId: id, revisionId, userId: user.id, ...parsed.data });
  return NextResponse.json({ id: restoreId }, { status: 201 });
});

import { NextResponse } from 'next/server';
import { z } from 'zod';
import { db } from '../../../../../server/db';
import { apiUser } from '../../../../../server/auth/apiUser';
import { HttpError } from '../../../../../server/http/HttpError';
import { jsonRoute, readJson } from '../../../../../server/http/jsonRoute';
import { memberAccess } from '../../../../../server/access/memberAccess';
import { listRevisions } from '../../../../../server/revisions/listRevisions';
import { revisionNamer } from '../../../../../server/revisions/revisionNamer';

type Context = { params: Promise<{ id: string }> };
const NameRevision = z.object({ name: z.string().trim().min(1, 'Give the version a name.').max(120) });

/** GET /api/manuscripts/:id/revisions?section=&author=: the history timeline (any member). */
export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id);
  const search = new URL(request.url).searchParams;
  const revisions = await listRevisions(db, id, { sectionId: search.get('section') ?? undefined, userId: search.get('author') ?? undefined });
  return NextResponse.json({ revisions });
});

/** POST /api/manuscripts/:id/revisions `{ name }`: names the current state (editors and owners). */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id, ['owner', 'editor']);
  const parsed = NameRevision.safeParse(await readJson(request));
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Send { "name": "…" }.');
  const revisionId = await revisionNamer(db, id, user.id, parsed.data.name);
  return NextResponse.json({ id: revisionId }, { status: 201 });
});

import { NextResponse } from 'next/server';
import { z } from 'zod';
import { db } from '../../../server/db';
import { listManuscripts } from '../../../server/manuscripts/listManuscripts';
import { manuscriptCreator } from '../../../server/manuscripts/manuscriptCreator';
import { newManuscript } from '../../../server/manuscripts/newManuscript';

const CreateManuscript = z.object({ title: z.string().trim().min(1, 'Give the manuscript a title.').max(200) });

/** GET /api/manuscripts: the library, as JSON. */
export async function GET() {
  return NextResponse.json({ manuscripts: await listManuscripts(db) });
}

/** POST /api/manuscripts `{ title }`: creates a manuscript and answers its id. */
export async function POST(request: Request) {
  const body: unknown = await request.json().catch(() => null);
  const parsed = CreateManuscript.safeParse(body);
  if (!parsed.success) {
    return NextResponse.json({ error: parsed.error.issues[0]?.message ?? 'Send JSON: { "title": "…" }' }, { status: 400 });
  }
  const id = await manuscriptCreator(db, newManuscript(parsed.data.title));
  return NextResponse.json({ id }, { status: 201 });
}

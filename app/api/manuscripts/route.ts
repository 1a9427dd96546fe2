import { NextResponse } from 'next/server';
import { z } from 'zod';
import { db } from '../../../server/db';
import { apiUser } from '../../../server/auth/apiUser';
import { HttpError } from '../../../server/http/HttpError';
import { jsonRoute, readJson } from '../../../server/http/jsonRoute';
import { listManuscripts } from '../../../server/manuscripts/listManuscripts';
import { manuscriptCreator } from '../../../server/manuscripts/manuscriptCreator';
import { newManuscript } from '../../../server/manuscripts/newManuscript';
import { languageTag } from '@model/manuscript/bookLanguage';

const CreateManuscript = z.object({
  title: z.string().trim().min(1, 'Give the manuscript a title.').max(200),
  language: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return undefined;
      const tag = languageTag(value);
      if (!tag) context.addIssue({ code: 'custom', message: `“${value.slice(0, 40)}” is not a language tag (say “en”, “de”, “pt-BR”…).` });
      return tag;
    }),
});

/** GET /api/manuscripts: the manuscripts you belong to. */
export const GET = jsonRoute(async () => {
  const user = await apiUser();
  return NextResponse.json({ manuscripts: await listManuscripts(db, user.id) });
});

/** POST /api/manuscripts `{ title, language? }`: creates a manuscript you own (in that language, English by default) and answers its id. */
export const POST = jsonRoute(async (request: Request) => {
  const user = await apiUser();
  const parsed = CreateManuscript.safeParse(await readJson(request));
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Send { "title": "…" }.');
  const id = await manuscriptCreator(db, newManuscript(parsed.data.title, parsed.data.language), { ownerId: user.id });
  return NextResponse.json({ id }, { status: 201 });
});

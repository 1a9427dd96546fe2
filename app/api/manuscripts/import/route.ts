import { NextResponse } from 'next/server';
import { db } from '../../../../server/db';
import { apiUser } from '../../../../server/auth/apiUser';
import { jsonRoute } from '../../../../server/http/jsonRoute';
import { importFile } from '../../../../server/import/importFile';
import { importOutline } from '../../../../server/import/importOutline';
import { readUpload } from '../../../../server/import/readUpload';
import { manuscriptCreator } from '../../../../server/manuscripts/manuscriptCreator';
import { storeImportedThreads } from '../../../../server/comments/importedThreads';
import { applyImportCorrections, parseImportCorrections } from '../../../../server/import/importCorrections';
import { HttpError } from '../../../../server/http/HttpError';
import { languageTag } from '@model/manuscript/bookLanguage';

/**
 * POST /api/manuscripts/import (multipart: `file`, optional `title`, optional `language`, optional
 * `corrections`, `confirm=true`): reads a .txt, .md or .docx file. Without `confirm` it only answers the detected
 * structure (`outline`) and creates nothing; with it, it creates a manuscript you own and answers
 * its `id` (201). `corrections` (JSON, see ImportCorrection) are the preview's fixes to what was
 * detected, applied before either. A Word document's comments become threads and its tracked
 * changes suggestions. The book's language is `language` if given, else what the file states (a
 * Word document's language, a Markdown file's `lang`), else English.
 */
export const POST = jsonRoute(async (request: Request) => {
  const user = await apiUser();
  const { file, fields } = await readUpload(request);
  const imported = await importFile(file);
  const manuscript = applyImportCorrections(imported, parseImportCorrections(fields.get('corrections') ?? null));
  const title = fields.get('title')?.trim().slice(0, 200);
  if (title) manuscript.title = title;
  const language = fields.get('language');
  if (language) {
    const tag = languageTag(language);
    if (!tag) throw new HttpError(422, `“${language.slice(0, 40)}” is not a language tag (say “en”, “de”, “pt-BR”…).`);
    manuscript.language = tag;
  }
  const outline = importOutline(manuscript);
  if (fields.get('confirm') !== 'true') return NextResponse.json({ outline });
  const id = await manuscriptCreator(db, manuscript, { ownerId: user.id });
  await storeImportedThreads(db, id, user.id, manuscript.threads);
  return NextResponse.json({ id, outline }, { status: 201 });
});

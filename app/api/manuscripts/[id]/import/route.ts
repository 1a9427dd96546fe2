import { NextResponse } from 'next/server';
import { db } from '../../../../../server/db';
import { apiUser } from '../../../../../server/auth/apiUser';
import { memberAccess } from '../../../../../server/access/memberAccess';
import { jsonRoute } from '../../../../../server/http/jsonRoute';
import { importAppender } from '../../../../../server/import/importAppender';
import { importFile } from '../../../../../server/import/importFile';
import { storeImportedThreads } from '../../../../../server/comments/importedThreads';
import { importOutline } from '../../../../../server/import/importOutline';
import { keepTitleAsHeading } from '../../../../../server/import/keepTitleAsHeading';
import { readUpload } from '../../../../../server/import/readUpload';
import { applyImportCorrections, parseImportCorrections } from '../../../../../server/import/importCorrections';

/**
 * POST /api/manuscripts/:id/import (multipart: `file`, optional `corrections`, `confirm=true`):
 * appends a file's chapters (and any front matter, after the book's own) to the manuscript.
 * Without `confirm` it answers the detected structure only; `corrections` are the preview's fixes
 * to it (see ImportCorrection). Owners and editors only; non-members get 404.
 */
export const POST = jsonRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const user = await apiUser();
  await memberAccess(db, id, user.id, ['owner', 'editor']);
  const { file, fields } = await readUpload(request);
  const imported = await importFile(file);
  // The book keeps its own title; the file's, if it states one, heads what it adds.
  const headed = imported.titleStated ? keepTitleAsHeading(imported) : imported;
  const manuscript = applyImportCorrections({ ...headed, headings: imported.headings }, parseImportCorrections(fields.get('corrections') ?? null));
  const outline = importOutline(manuscript);
  if (fields.get('confirm') !== 'true') return NextResponse.json({ outline });
  const added = await importAppender(db, { manuscriptId: id, userId: user.id, imported: manuscript, fileName: file.name });
  await storeImportedThreads(db, id, user.id, imported.threads);
  return NextResponse.json({ added, outline }, { status: 201 });
});

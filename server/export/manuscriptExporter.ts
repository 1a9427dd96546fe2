import type { PrismaClient } from '../generated/prisma/client';
import { HttpError, notFound } from '../http/HttpError';
import { manuscriptVersions } from '../revisions/manuscriptVersions';
import { exportBookFrom } from './exportBookFrom';
import type { ExportComment } from './exportBook';
import { inlineText } from './exportBook';
import { exportFileName } from './exportFileName';
import { EXPORT_FORMATS, type ExportFormat } from '@model/export/exportFormats';
import { renderExport, type RenderOptions } from './renderExport';

/** A rendered export, ready to send. */
export interface ExportedFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

/**
 * Exports a manuscript as stored (at most a second behind its writers): the whole book, or the
 * sections named in `sectionIds` in book order. Authors are the owners and editors, the contact
 * for Standard Manuscript Format is the first owner. Access is the caller's job.
 */
export async function manuscriptExporter(
  prisma: PrismaClient,
  manuscriptId: string,
  format: ExportFormat,
  options: RenderOptions & { sectionIds?: string[]; showSuggestions?: boolean } = {},
): Promise<ExportedFile> {
  const manuscript = await prisma.manuscript.findUnique({
    where: { id: manuscriptId },
    select: {
      updatedAt: true,
      memberships: { select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!manuscript) throw notFound();
  if (options.showSuggestions && format !== 'html' && format !== 'docx') throw new HttpError(400, 'Suggestions can be shown in HTML and Word (DOCX) exports only.');
  const json = (await manuscriptVersions(prisma, manuscriptId, ['now'])).get('now')!;

  if (options.sectionIds) {
    const known = new Set(json.sections.map((s) => s.id));
    const unknown = options.sectionIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new HttpError(404, 'Some of the chosen sections are no longer in the manuscript. Reload and choose again.');
    if (options.sectionIds.length === 0) throw new HttpError(400, 'Choose at least one section to export.');
  }
  const rank = (role: string) => (role === 'owner' ? 0 : 1);
  const writers = manuscript.memberships.filter((m) => m.role === 'owner' || m.role === 'editor').sort((a, b) => rank(a.role) - rank(b.role));
  const owner = writers[0]?.user ?? { name: '', email: '' };
  const book = exportBookFrom(json, {
    identifier: manuscriptId,
    authors: writers.map((m) => m.user.name).filter(Boolean),
    contact: { name: owner.name, email: owner.email },
    modified: manuscript.updatedAt,
    language: json.language,
    sectionIds: options.sectionIds,
    showSuggestions: options.showSuggestions ? authorNames(manuscript.memberships.map((m) => m.user)) : undefined,
    threads: options.showSuggestions ? await openThreads(prisma, manuscriptId) : undefined,
  });
  const { extension, contentType } = EXPORT_FORMATS[format];
  const only = book.scope === 'selection' && book.sections.length === 1 ? book.sections[0] : null;
  const nameParts =
    book.scope === 'book'
      ? []
      : only && (only.kind === 'chapter' || only.kind === 'part')
        ? [only.label, inlineText(only.title)]
        : [`${book.sections.length} sections`];
  if (format === 'smf') nameParts.push('manuscript');
  return { bytes: await renderExport(book, format, options), contentType, fileName: exportFileName(book.title, extension, nameParts) };
}

/** Names of the members, by user id: a suggestion by someone no longer a member is shown as such, and no other account's name is looked up. */
function authorNames(members: Array<{ id: string; name: string }>): Map<string, string> {
  return new Map(members.map((member) => [member.id, member.name]));
}

/** The manuscript's open comment threads, as an export with suggestions shown carries them. */
async function openThreads(prisma: PrismaClient, manuscriptId: string): Promise<Map<string, Omit<ExportComment, 'number'>>> {
  const rows = await prisma.commentThread.findMany({
    where: { manuscriptId, resolvedAt: null },
    select: {
      id: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      comments: { where: { deletedAt: null }, orderBy: { createdAt: 'asc' }, select: { body: true, author: { select: { name: true } } } },
    },
  });
  const someone = 'A former member';
  return new Map(
    rows.map((row) => [
      row.id,
      { author: row.createdBy?.name ?? someone, date: row.createdAt, paragraphs: row.comments.map((comment) => `${comment.author?.name ?? someone}: ${comment.body}`) },
    ]),
  );
}

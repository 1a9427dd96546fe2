import * as Y from 'yjs';
import type { PrismaClient } from '../generated/prisma/client';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { writeManuscriptToYDoc } from '@model/manuscript/manuscriptToYDoc';
import { newId } from '@model/manuscript/newId';
import { summarizeBook, summarizeManuscript } from '../sync/summarizeManuscript';
import { MAIN_DOCUMENT, type DocumentLayout } from '../persistence/DocumentStore';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';
import { writeManuscriptToDocuments } from '@model/manuscript/manuscriptDocuments';
import { retryWhenBusy } from '../persistence/retryWhenBusy';

/**
 * Creates a manuscript from its JSON: the database row, its first snapshots and its owner's
 * membership, in one transaction. The sync server loads the snapshots when the first writer
 * opens it. `layout` says how its documents are laid out (see DocumentStore.ts): a book and a
 * document per section, unless a test asks for the older one-document layout. Returns the new
 * manuscript's id.
 */
export async function manuscriptCreator(
  prisma: PrismaClient,
  manuscript: ManuscriptJson,
  options: { ownerId: string; id?: string; layout?: DocumentLayout },
): Promise<string> {
  const id = options.id ?? newId();
  const layout = options.layout ?? 'sections';
  const { snapshots, summary } = layout === 'sections' ? sectionSnapshots(manuscript) : oneDocumentSnapshot(manuscript);
  await retryWhenBusy(() =>
    prisma.manuscript.create({
      data: {
        id,
        title: summary.title,
        wordCount: summary.wordCount,
        layout,
        snapshots: { create: snapshots },
        memberships: { create: { userId: options.ownerId, role: 'owner' } },
      },
    }),
  );
  return id;
}

function oneDocumentSnapshot(manuscript: ManuscriptJson) {
  const doc = writeManuscriptToYDoc(manuscript);
  const state = new Uint8Array(Y.encodeStateAsUpdateV2(doc));
  const summary = summarizeManuscript(doc);
  doc.destroy();
  return { snapshots: [{ docName: MAIN_DOCUMENT, state, throughSeq: 0 }], summary };
}

function sectionSnapshots(manuscript: ManuscriptJson) {
  const { book, sections } = writeManuscriptToDocuments(manuscript);
  const snapshots = [
    { docName: BOOK_DOCUMENT, state: new Uint8Array(Y.encodeStateAsUpdateV2(book)), throughSeq: 0 },
    ...[...sections].map(([docName, doc]) => ({ docName, state: new Uint8Array(Y.encodeStateAsUpdateV2(doc)), throughSeq: 0 })),
  ];
  const summary = summarizeBook(book);
  book.destroy();
  for (const doc of sections.values()) doc.destroy();
  return { snapshots, summary };
}

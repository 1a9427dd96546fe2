import * as Y from 'yjs';
import type { PrismaClient } from '../generated/prisma/client';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';
import { writeManuscriptToDocuments } from '@model/manuscript/manuscriptDocuments';
import { yDocToManuscript } from '@model/manuscript/yDocToManuscript';
import { newId } from '@model/manuscript/newId';
import { MAIN_DOCUMENT } from '../persistence/DocumentStore';
import { PrismaDocumentStore } from '../persistence/PrismaDocumentStore';
import { historyDocFromStored } from '../revisions/historyDoc';
import { revisionCreator } from '../revisions/revisionCreator';
import { encodeDeltaSnapshot } from '../revisions/revisionSnapshots';
import { encodeDocumentDeltas } from '../revisions/documentDeltas';
import { summarizeBook } from '../sync/summarizeManuscript';

/**
 * Lays out every manuscript still held in one Yjs document as a book document and one document
 * per section (see DocumentStore.ts), once. Run before the sync server opens any room. Returns
 * the ids converted.
 */
export async function convertAllToSections(prisma: PrismaClient): Promise<string[]> {
  const pending = await prisma.manuscript.findMany({ where: { layout: 'one-document' }, select: { id: true } });
  for (const { id } of pending) await convertToSections(prisma, id);
  return pending.map(({ id }) => id);
}

/**
 * Converts one manuscript: its text as it stands becomes the new documents (same section ids, so
 * every earlier revision still compares with every later one), written with a revision that
 * marks the conversion and changes nothing. The one document and its log stay, read-only, for
 * the revisions made before. Edits since the last revision are first kept as a revision of their
 * own, so their authors are credited. The new documents, the layout and that revision are written
 * in one transaction: a conversion cut short leaves the manuscript as it was, to convert again.
 */
export async function convertToSections(prisma: PrismaClient, manuscriptId: string): Promise<void> {
  const stored = await new PrismaDocumentStore(prisma).load(manuscriptId, MAIN_DOCUMENT);
  if (!stored) return;
  const whole = historyDocFromStored(stored);
  try {
    if ((await prisma.revision.count({ where: { manuscriptId } })) > 0) await revisionCreator(prisma, manuscriptId, whole, { kind: 'auto' });
    const { book, sections } = writeManuscriptToDocuments(yDocToManuscript(whole), { gc: false });
    const documents = new Map<string, Y.Doc>([[BOOK_DOCUMENT, book], ...sections]);
    const deltas = new Map([...documents].map(([name, doc]) => {
      const snapshot = Y.snapshot(doc);
      return [name, encodeDeltaSnapshot(snapshot.sv, snapshot.ds)];
    }));
    const summary = summarizeBook(book);
    const lastSeq = (await prisma.manuscriptUpdate.aggregate({ where: { manuscriptId }, _max: { seq: true } }))._max.seq ?? 0;
    const lastRevision = await prisma.revision.aggregate({ where: { manuscriptId }, _max: { throughSeq: true } });
    await prisma.$transaction([
      ...[...documents].map(([docName, doc]) =>
        prisma.manuscriptSnapshot.create({ data: { manuscriptId, docName, state: new Uint8Array(Y.encodeStateAsUpdateV2(doc)), throughSeq: 0, format: 'yjs-v2' } }),
      ),
      prisma.revision.create({
        data: {
          id: newId(),
          manuscriptId,
          kind: 'auto',
          layout: 'sections',
          snapshot: new Uint8Array(encodeDocumentDeltas(deltas)),
          throughSeq: Math.max(lastSeq, lastRevision._max.throughSeq ?? 0),
          wordCount: summary.wordCount,
          summary: JSON.stringify({ authors: [], sections: [] }),
        },
      }),
      prisma.manuscript.update({ where: { id: manuscriptId }, data: { layout: 'sections', ...summary } }),
    ]);
    for (const doc of documents.values()) doc.destroy();
  } finally {
    whole.destroy();
  }
}

import type * as Y from 'yjs';
import type { PrismaClient } from '../generated/prisma/client';
import { PrismaDocumentStore } from '../persistence/PrismaDocumentStore';
import { MAIN_DOCUMENT, asDocumentLayout } from '../persistence/DocumentStore';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { documentsToManuscript } from '@model/manuscript/manuscriptDocuments';
import { yDocToManuscript } from '@model/manuscript/yDocToManuscript';
import { listSections } from '@model/manuscript/manuscriptLayout';
import { HttpError } from '../http/HttpError';
import { docAtSnapshot, historyDocFromStored } from './historyDoc';
import { mergeDeltaSnapshots } from './revisionSnapshots';
import { documentSnapshotsAt } from './documentDeltas';

/** `'now'`: the manuscript as stored (at most a second behind its writers); otherwise a revision id. */
export type VersionId = string | 'now';

/** The history-keeping documents of a manuscript, loaded from storage on first use. */
class StoredHistory {
  private readonly docs = new Map<string, Y.Doc | null>();
  private readonly store: PrismaDocumentStore;

  constructor(
    prisma: PrismaClient,
    private readonly manuscriptId: string,
  ) {
    this.store = new PrismaDocumentStore(prisma);
  }

  async get(docName: string): Promise<Y.Doc | null> {
    if (!this.docs.has(docName)) {
      const stored = await this.store.load(this.manuscriptId, docName);
      this.docs.set(docName, stored ? historyDocFromStored(stored) : null);
    }
    return this.docs.get(docName)!;
  }

  destroy(): void {
    for (const doc of this.docs.values()) doc?.destroy();
  }
}

/**
 * The manuscript as JSON at each of `versions` (revision ids, or 'now'), whatever layout the
 * manuscript had when each revision was made: a revision from before the manuscript was laid out
 * in sections reads from the one document it was a snapshot of. 404 for a revision the
 * manuscript does not have.
 */
export async function manuscriptVersions(prisma: PrismaClient, manuscriptId: string, versions: VersionId[]): Promise<Map<VersionId, ManuscriptJson>> {
  const manuscript = await prisma.manuscript.findUnique({ where: { id: manuscriptId }, select: { layout: true } });
  if (!manuscript) throw new HttpError(404, 'There is no such manuscript.');
  const revisions = await prisma.revision.findMany({
    where: { manuscriptId },
    orderBy: [{ createdAt: 'asc' }, { throughSeq: 'asc' }],
    select: { id: true, layout: true, snapshot: true },
  });
  const history = new StoredHistory(prisma, manuscriptId);
  try {
    const result = new Map<VersionId, ManuscriptJson>();
    for (const version of versions) {
      if (result.has(version)) continue;
      if (version === 'now') {
        result.set(version, await readNow(history, asDocumentLayout(manuscript.layout)));
        continue;
      }
      const index = revisions.findIndex((revision) => revision.id === version);
      if (index < 0) throw new HttpError(404, 'There is no such revision.');
      const upTo = revisions.slice(0, index + 1);
      const layout = asDocumentLayout(revisions[index].layout);
      const deltas = upTo.filter((revision) => asDocumentLayout(revision.layout) === layout).map((revision) => new Uint8Array(revision.snapshot));
      result.set(version, layout === 'one-document' ? await readOneDocumentAt(history, deltas) : await readSectionsAt(history, deltas));
    }
    return result;
  } finally {
    history.destroy();
  }
}

async function readNow(history: StoredHistory, layout: 'one-document' | 'sections'): Promise<ManuscriptJson> {
  if (layout === 'one-document') return yDocToManuscript((await history.get(MAIN_DOCUMENT))!);
  const book = (await history.get(BOOK_DOCUMENT))!;
  const sections = new Map<string, Y.Doc | null>();
  for (const { id } of listSections(book)) sections.set(id, await history.get(id));
  return documentsToManuscript(book, (id) => sections.get(id) ?? undefined);
}

async function readOneDocumentAt(history: StoredHistory, deltas: Uint8Array[]): Promise<ManuscriptJson> {
  const past = docAtSnapshot((await history.get(MAIN_DOCUMENT))!, mergeDeltaSnapshots(deltas));
  try {
    return yDocToManuscript(past);
  } finally {
    past.destroy();
  }
}

async function readSectionsAt(history: StoredHistory, deltas: Uint8Array[]): Promise<ManuscriptJson> {
  const snapshots = documentSnapshotsAt(deltas);
  const pastDocs: Y.Doc[] = [];
  const at = async (docName: string): Promise<Y.Doc | undefined> => {
    const snapshot = snapshots.get(docName);
    const doc = snapshot ? await history.get(docName) : null;
    if (!snapshot || !doc) return undefined;
    const past = docAtSnapshot(doc, snapshot);
    pastDocs.push(past);
    return past;
  };
  try {
    const book = await at(BOOK_DOCUMENT);
    if (!book) throw new Error('a revision of a manuscript in sections has no book document');
    const sections = new Map<string, Y.Doc | undefined>();
    for (const { id } of listSections(book)) sections.set(id, await at(id));
    return documentsToManuscript(book, (id) => sections.get(id));
  } finally {
    for (const doc of pastDocs) doc.destroy();
  }
}

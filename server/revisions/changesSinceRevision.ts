import * as Y from 'yjs';
import type { PrismaClient } from '../generated/prisma/client';
import { PrismaDocumentStore } from '../persistence/PrismaDocumentStore';
import { MAIN_DOCUMENT, asDocumentLayout } from '../persistence/DocumentStore';
import { BOOK_DOCUMENT, readSectionStats } from '@model/manuscript/bookDocument';
import { listSections } from '@model/manuscript/manuscriptLayout';
import { measureSection, sectionContent } from '@model/manuscript/sectionDocument';
import { numberSections } from '@model/manuscript/sectionNumbering';
import { copyHistoryDoc, docAtSnapshot, historyDocFromStored } from './historyDoc';
import { encodeDeltaSnapshot } from './revisionSnapshots';
import { documentSnapshotsAt, encodeDocumentDeltas } from './documentDeltas';
import { countWordChanges, type AuthorTally } from './wordChanges';
import type { RevisionSummary, SectionChange } from '@model/revisions/revisionSummary';

/** What changed in a manuscript laid out in sections since its latest revision, ready to record. */
export interface ChangesSinceRevision {
  /** Who changed what, per author and per section. */
  summary: RevisionSummary;
  /** The book's words now. */
  wordCount: number;
  /** A delta snapshot of every document that changed (see documentDeltas.ts). */
  snapshot: Uint8Array;
  /** The last log entry covered. */
  throughSeq: number;
  /** The latest revision's time, if there is one. */
  latestAt: Date | null;
  /** When the last change covered was logged (null if none was since the latest revision). */
  lastLoggedAt: Date | null;
}

/**
 * Measures what changed since the manuscript's latest revision without recording anything: who
 * wrote and deleted how many words, per section, and the snapshot a revision would store. Null
 * when the log has nothing new since a revision (unless `evenIfNone`).
 */
export async function changesSinceRevision(
  prisma: PrismaClient,
  manuscriptId: string,
  live: Map<string, Y.Doc>,
  options: { evenIfNone: boolean },
): Promise<ChangesSinceRevision | null> {
  const store = new PrismaDocumentStore(prisma);
  const latest = await prisma.revision.findFirst({
    where: { manuscriptId },
    orderBy: [{ createdAt: 'desc' }, { throughSeq: 'desc' }],
    select: { throughSeq: true, createdAt: true, layout: true },
  });
  const rows = await prisma.manuscriptUpdate.findMany({
    where: { manuscriptId, seq: { gt: latest?.throughSeq ?? 0 }, docName: { not: MAIN_DOCUMENT } },
    orderBy: { seq: 'asc' },
    select: { seq: true, docName: true, userId: true, data: true, createdAt: true },
  });
  if (!options.evenIfNone && latest && rows.length === 0) return null;

  const earlier = await prisma.revision.findMany({
    where: { manuscriptId, layout: 'sections' },
    orderBy: [{ createdAt: 'asc' }, { throughSeq: 'asc' }],
    select: { snapshot: true },
  });
  const previous = documentSnapshotsAt(earlier.map((revision) => new Uint8Array(revision.snapshot)));
  // The first revision in this layout covers every document; later ones those with new log rows.
  const firstInLayout = !latest || asDocumentLayout(latest.layout) !== 'sections';
  const changed = new Set(rows.map((row) => row.docName));
  if (firstInLayout) for (const name of await storedDocumentNames(prisma, manuscriptId)) changed.add(name);
  changed.add(BOOK_DOCUMENT);

  const copies = new Map<string, Y.Doc>();
  const copyOf = async (docName: string): Promise<Y.Doc | null> => {
    if (!copies.has(docName)) {
      const open = live.get(docName);
      const stored = open ? null : await store.load(manuscriptId, docName);
      const copy = open ? copyHistoryDoc(open) : stored ? historyDocFromStored(stored) : null;
      if (copy) copies.set(docName, copy);
    }
    return copies.get(docName) ?? null;
  };
  const pastDocs: Y.Doc[] = [];
  try {
    const deltas = new Map<string, Uint8Array>();
    const current = new Map<string, Y.Snapshot>();
    for (const docName of changed) {
      const doc = await copyOf(docName);
      if (!doc) continue;
      const snapshot = Y.snapshot(doc);
      current.set(docName, snapshot);
      const ownRows = rows.filter((row) => row.docName === docName);
      // A document's first delta records every deletion so far; later ones only those since.
      const deletions = previous.has(docName) ? Y.mergeDeleteSets(ownRows.map((row) => Y.decodeUpdateV2(new Uint8Array(row.data)).ds)) : snapshot.ds;
      deltas.set(docName, encodeDeltaSnapshot(snapshot.sv, deletions));
    }

    const book = (await copyOf(BOOK_DOCUMENT))!;
    const bookBefore = previous.has(BOOK_DOCUMENT) ? docAtSnapshot(book, previous.get(BOOK_DOCUMENT)!) : new Y.Doc();
    pastDocs.push(bookBefore);
    const bookAfter = docAtSnapshot(book, current.get(BOOK_DOCUMENT)!);
    pastDocs.push(bookAfter);
    const before = listSections(bookBefore);
    const after = listSections(bookAfter);
    const beforeIds = new Set(before.map((s) => s.id));
    const afterIds = new Set(after.map((s) => s.id));

    const authors: AuthorTally = new Map();
    const counted = new Map<string, { title: string; added: number; removed: number }>();
    let wordCount = 0;
    for (const { id } of [...after, ...before.filter((s) => !afterIds.has(s.id))]) {
      const inAfter = afterIds.has(id);
      const doc = changed.has(id) ? await copyOf(id) : null;
      let added = 0;
      let removed = 0;
      let title = (readSectionStats(inAfter ? bookAfter : bookBefore, id) ?? readSectionStats(book, id))?.title ?? '';
      if (doc && current.has(id)) {
        ({ added, removed } = countWordChanges(sectionContent(doc), previous.get(id) ?? Y.emptySnapshot, current.get(id)!, entriesOf(rows, id), authors));
        const measured = measureAt(doc, inAfter ? current.get(id)! : (previous.get(id) ?? current.get(id)!), pastDocs);
        title = measured.title;
        if (inAfter) wordCount += measured.words;
      } else if (inAfter) wordCount += readSectionStats(bookAfter, id)?.words ?? readSectionStats(book, id)?.words ?? 0;
      counted.set(id, { title, added, removed });
    }
    // A section is labelled where it stands: a removed one by its place in the older version.
    const labels = new Map<string, string>();
    for (const list of [before, after]) {
      const numbering = numberSections(list.map(({ id, kind }) => ({ kind, title: counted.get(id)?.title ?? '' })));
      list.forEach(({ id }, index) => labels.set(id, numbering[index].label));
    }
    const sections: SectionChange[] = [];
    for (const { id } of [...after, ...before.filter((s) => !afterIds.has(s.id))]) {
      const { added, removed } = counted.get(id)!;
      const status = !beforeIds.has(id) ? 'added' : !afterIds.has(id) ? 'removed' : 'changed';
      if (added === 0 && removed === 0 && status === 'changed') continue;
      sections.push({ sectionId: id, label: labels.get(id)!, status, added, removed });
    }

    const userIds = [...authors.keys()].filter((id): id is string => id !== null);
    const users = await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
    const summary: RevisionSummary = {
      authors: [...authors].map(([userId, tally]) => ({
        userId,
        name: userId === null ? 'Imported text' : (users.find((u) => u.id === userId)?.name ?? 'Former member'),
        ...tally,
      })),
      sections,
    };
    return {
      summary,
      wordCount,
      snapshot: encodeDocumentDeltas(deltas),
      throughSeq: rows.at(-1)?.seq ?? latest?.throughSeq ?? (await lastSeq(prisma, manuscriptId)),
      latestAt: latest?.createdAt ?? null,
      lastLoggedAt: rows.at(-1)?.createdAt ?? null,
    };
  } finally {
    for (const doc of pastDocs) doc.destroy();
    for (const doc of copies.values()) doc.destroy();
  }
}

/** The names of every document a manuscript in sections has stored, deleted sections' included. */
export async function storedDocumentNames(prisma: PrismaClient, manuscriptId: string): Promise<string[]> {
  const [snapshots, updates] = await Promise.all([
    prisma.manuscriptSnapshot.findMany({ where: { manuscriptId, docName: { not: MAIN_DOCUMENT } }, select: { docName: true } }),
    prisma.manuscriptUpdate.findMany({ where: { manuscriptId, docName: { not: MAIN_DOCUMENT } }, select: { docName: true }, distinct: ['docName'] }),
  ]);
  return [...new Set([...snapshots, ...updates].map((row) => row.docName))];
}

/** The highest log seq a manuscript has used (0 for none), so a first revision covers what exists. */
async function lastSeq(prisma: PrismaClient, manuscriptId: string): Promise<number> {
  const row = await prisma.manuscriptUpdate.aggregate({ where: { manuscriptId }, _max: { seq: true } });
  return row._max.seq ?? 0;
}

function entriesOf(rows: Array<{ docName: string; userId: string | null; data: Uint8Array }>, docName: string) {
  return rows.filter((row) => row.docName === docName).map((row) => ({ userId: row.userId, update: new Uint8Array(row.data) }));
}

/** A section's title and words at a snapshot. */
function measureAt(doc: Y.Doc, snapshot: Y.Snapshot, pastDocs: Y.Doc[]) {
  const past = docAtSnapshot(doc, snapshot);
  pastDocs.push(past);
  return measureSection(past);
}

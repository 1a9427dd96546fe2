import { nextRevisionTime } from './nextRevisionTime';
import * as Y from 'yjs';
import type { PrismaClient } from '../generated/prisma/client';
import { newId } from '@model/manuscript/newId';
import { summarizeManuscript } from '../sync/summarizeManuscript';
import { MAIN_DOCUMENT } from '../persistence/DocumentStore';
import { copyHistoryDoc } from './historyDoc';
import { summarizeChanges } from './summarizeChanges';
import { encodeDeltaSnapshot, latestRevisionSnapshot } from './revisionSnapshots';
import type { RevisionSummary } from '@model/revisions/revisionSummary';

/** What kind of revision: made automatically, named by a writer, or made by a restore. */
export type RevisionKind = 'auto' | 'named' | 'restore';

/**
 * Records the current state of a manuscript's history-keeping doc as a revision, with who
 * changed what since the previous one (from the update log). An automatic revision is skipped
 * when nothing changed since the previous revision. Call after the doc's updates are stored, so
 * the log covers them. Returns the new revision's id, or null if skipped.
 */
export async function revisionCreator(
  prisma: PrismaClient,
  manuscriptId: string,
  doc: Y.Doc,
  options: { kind: RevisionKind; name?: string; createdById?: string; /** For replays of recorded sessions; defaults to now. */ at?: Date },
): Promise<string | null> {
  const copy = copyHistoryDoc(doc);
  try {
    const current = Y.snapshot(copy);
    const latest = await prisma.revision.findFirst({
      where: { manuscriptId },
      orderBy: [{ createdAt: 'desc' }, { throughSeq: 'desc' }],
      select: { throughSeq: true, createdAt: true },
    });
    const rows = await prisma.manuscriptUpdate.findMany({
      where: { manuscriptId, docName: MAIN_DOCUMENT, seq: { gt: latest?.throughSeq ?? 0 } },
      orderBy: { seq: 'asc' },
      select: { seq: true, userId: true, data: true },
    });
    // Every change reaches the log, so no new entries means nothing changed.
    if (options.kind === 'auto' && latest && rows.length === 0) return null;

    const previous = latest ? await latestRevisionSnapshot(prisma, manuscriptId) : Y.emptySnapshot;
    const entries = rows.map((row) => ({ userId: row.userId, update: new Uint8Array(row.data) }));
    const counts = summarizeChanges(copy, previous, current, entries);
    // The first revision records every deletion so far; later ones only those since the previous.
    const deletions = latest ? Y.mergeDeleteSets(entries.map((entry) => Y.decodeUpdateV2(entry.update).ds)) : current.ds;
    const userIds = [...counts.authors.keys()].filter((id): id is string => id !== null);
    const users = await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
    const summary: RevisionSummary = {
      authors: [...counts.authors].map(([userId, tally]) => ({
        userId,
        name: userId === null ? 'Imported text' : (users.find((u) => u.id === userId)?.name ?? 'Former member'),
        ...tally,
      })),
      sections: counts.sections,
    };
    const id = newId();
    await prisma.revision.create({
      data: {
        id,
        manuscriptId,
        createdAt: options.at ?? nextRevisionTime(latest?.createdAt),
        kind: options.kind,
        name: options.name ?? null,
        createdById: options.createdById ?? null,
        snapshot: new Uint8Array(encodeDeltaSnapshot(current.sv, deletions)),
        throughSeq: rows.at(-1)?.seq ?? latest?.throughSeq ?? 0,
        wordCount: summarizeManuscript(copy).wordCount,
        summary: JSON.stringify(summary),
      },
    });
    return id;
  } finally {
    copy.destroy();
  }
}

import * as Y from 'yjs';
import type { PrismaClient } from '../generated/prisma/client';
import { HttpError } from '../http/HttpError';

/**
 * Revisions store a delta snapshot: the document's state vector at the revision, and only the
 * deletions made since the previous revision (the delete sets of the log entries in between).
 * Consecutive revisions share almost all their deletions, so storing each revision's full
 * delete set would cost kilobytes per revision for nothing. A revision's full snapshot is its
 * state vector with the union of its own and every earlier revision's deletions.
 */
export function encodeDeltaSnapshot(stateVector: Map<number, number>, deletionsSince: DeleteSet): Uint8Array {
  return Y.encodeSnapshotV2(Y.createSnapshot(deletionsSince, stateVector));
}

/** Yjs's delete set type (not exported by name). */
export type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/** Merges delta snapshots, oldest first, into the full snapshot of the last one. */
export function mergeDeltaSnapshots(deltas: Uint8Array[]): Y.Snapshot {
  const decoded = deltas.map((delta) => Y.decodeSnapshotV2(delta));
  const last = decoded.at(-1);
  if (!last) return Y.emptySnapshot;
  return Y.createSnapshot(Y.mergeDeleteSets(decoded.map((snapshot) => snapshot.ds)), last.sv);
}

/** A manuscript's one-document revisions' delta snapshots, oldest first (see documentDeltas.ts for the others). */
async function deltasInOrder(prisma: PrismaClient, manuscriptId: string) {
  return prisma.revision.findMany({
    where: { manuscriptId, layout: 'one-document' },
    orderBy: [{ createdAt: 'asc' }, { throughSeq: 'asc' }],
    select: { id: true, snapshot: true },
  });
}

/** The full snapshot of one one-document revision of a manuscript (404 if there is no such revision). */
export async function revisionSnapshot(prisma: PrismaClient, manuscriptId: string, revisionId: string): Promise<Y.Snapshot> {
  const revisions = await deltasInOrder(prisma, manuscriptId);
  const index = revisions.findIndex((revision) => revision.id === revisionId);
  if (index < 0) throw new HttpError(404, 'There is no such revision.');
  return mergeDeltaSnapshots(revisions.slice(0, index + 1).map((revision) => new Uint8Array(revision.snapshot)));
}

/** The full snapshot of a manuscript's latest one-document revision, or the empty snapshot if it has none. */
export async function latestRevisionSnapshot(prisma: PrismaClient, manuscriptId: string): Promise<Y.Snapshot> {
  const revisions = await deltasInOrder(prisma, manuscriptId);
  return mergeDeltaSnapshots(revisions.map((revision) => new Uint8Array(revision.snapshot)));
}

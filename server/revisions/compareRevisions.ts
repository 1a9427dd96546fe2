import * as Y from 'yjs';
import type { PrismaClient } from '../generated/prisma/client';
import { PrismaDocumentStore } from '../persistence/PrismaDocumentStore';
import { yDocToManuscript } from '@model/manuscript/yDocToManuscript';
import { HttpError } from '../http/HttpError';
import type { ManuscriptDiff } from '@model/revisions/manuscriptDiff';
import { diffManuscripts } from './diffManuscripts';
import { docAtSnapshot, historyDocFromStored } from './historyDoc';
import { revisionSnapshot } from './revisionSnapshots';

/**
 * Compares two revisions of a manuscript, or a revision with the current text (`to` = 'now',
 * as stored, which is at most a second behind the writers). Returns the diff from `from` to `to`.
 */
export async function compareRevisions(prisma: PrismaClient, manuscriptId: string, fromId: string, toId: string): Promise<ManuscriptDiff> {
  const snapshots = new Map<string, Y.Snapshot>();
  for (const id of [fromId, toId]) if (id !== 'now') snapshots.set(id, await revisionSnapshot(prisma, manuscriptId, id));
  const stored = await new PrismaDocumentStore(prisma).load(manuscriptId);
  if (!stored) throw new HttpError(404, 'There is no such manuscript.');
  const doc = historyDocFromStored(stored);
  try {
    const versionOf = (id: string) => {
      if (id === 'now') return yDocToManuscript(doc);
      const past = docAtSnapshot(doc, snapshots.get(id)!);
      const manuscript = yDocToManuscript(past);
      past.destroy();
      return manuscript;
    };
    return diffManuscripts(versionOf(fromId), versionOf(toId));
  } finally {
    doc.destroy();
  }
}

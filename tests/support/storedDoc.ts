import * as Y from 'yjs';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { PrismaDocumentStore } from '../../server/persistence/PrismaDocumentStore';
import { withTimeout } from './withTimeout';
import { MAIN_DOCUMENT } from '../../server/persistence/DocumentStore';

/** A local SQLite read; only a locked or broken database takes longer. */
const READ_TIMEOUT_MS = 15_000;

/**
 * One of the manuscript's documents as the database holds it (snapshot plus log), in a fresh
 * Y.Doc: the book (or the whole one-document manuscript) by default, or the section `docName`.
 */
export async function storedDoc(prisma: PrismaClient, manuscriptId: string, docName: string = MAIN_DOCUMENT): Promise<Y.Doc> {
  const stored = await withTimeout(new PrismaDocumentStore(prisma).load(manuscriptId, docName), READ_TIMEOUT_MS, `document “${docName}” of manuscript ${manuscriptId} was not read from the database`);
  if (!stored) throw new Error(`document “${docName}” of manuscript ${manuscriptId} is not stored`);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdateV2(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdateV2(doc, update);
  return doc;
}

import * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { PrismaClient } from '../generated/prisma/client';
import { PrismaDocumentStore } from '../persistence/PrismaDocumentStore';
import { HttpError, notFound } from '../http/HttpError';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';
import { listSections } from '@model/manuscript/manuscriptLayout';
import type { SectionKind } from '@model/manuscript/manuscriptJson';
import { readSectionContent } from '@model/manuscript/sectionDocument';
import { manuscriptSchema } from '@model/schema';

/** One section of a book as stored, as a ProseMirror document to search. */
export interface StoredSection {
  id: string;
  kind: SectionKind;
  doc: PMNode;
}

/** How much text the cache keeps, across manuscripts, in characters (least recently used go first). */
const CACHE_CHARACTERS = 40_000_000;

interface Cached {
  version: number;
  value: Y.Doc | PMNode;
  /** About how much it holds (characters), for the cache's bound. */
  size: number;
}
let cachedCharacters = 0;

// Search reads the stored documents (at most one storage window, half a second, behind the
// live ones) and keeps what it read by version: searching again while a co-writer types
// decodes only the sections that changed.
const cache = new Map<string, Cached>();

/**
 * Every section of a book in reading order, read from the database: one query for each
 * document's version (its latest log row or snapshot), then only changed documents are loaded.
 * Throws 404 for a manuscript that does not exist, 409 for one not yet laid out in sections.
 */
export async function storedSections(prisma: PrismaClient, manuscriptId: string): Promise<StoredSection[]> {
  const store = new PrismaDocumentStore(prisma);
  const layout = await store.layoutOf(manuscriptId);
  if (layout === null) throw notFound();
  if (layout !== 'sections') throw new HttpError(409, 'This manuscript has not been converted to sections yet; open it once and try again.');
  const versions = await documentVersions(prisma, manuscriptId);
  const load = async <T extends Y.Doc | PMNode>(docName: string, read: (doc: Y.Doc) => T): Promise<T | null> => {
    const key = `${manuscriptId}/${docName}`;
    const version = versions.get(docName) ?? 0;
    const hit = cache.get(key);
    if (hit && hit.version === version) {
      cache.delete(key);
      cache.set(key, hit);
      return hit.value as T;
    }
    const stored = await store.load(manuscriptId, docName);
    if (!stored) return null;
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdateV2(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdateV2(doc, update);
    const value = read(doc);
    if (value !== doc) doc.destroy();
    const size = value instanceof Y.Doc ? 1000 : value.nodeSize;
    if (hit) {
      cache.delete(key);
      cachedCharacters -= hit.size;
    }
    cache.set(key, { version, value, size });
    cachedCharacters += size;
    while (cachedCharacters > CACHE_CHARACTERS && cache.size > 1) {
      const [oldest, entry] = cache.entries().next().value!;
      cache.delete(oldest);
      cachedCharacters -= entry.size;
    }
    return value;
  };
  const book = await load(BOOK_DOCUMENT, (doc) => doc);
  if (!book) throw notFound();
  const refs = listSections(book);
  const docs = await Promise.all(refs.map((ref) => load(ref.id, (doc) => manuscriptSchema.nodeFromJSON(readSectionContent(doc)))));
  return refs.flatMap((ref, i) => (docs[i] ? [{ id: ref.id, kind: ref.kind, doc: docs[i] }] : []));
}

/** Each of a manuscript's documents' version: the highest log row or snapshot point it has. */
async function documentVersions(prisma: PrismaClient, manuscriptId: string): Promise<Map<string, number>> {
  const [updates, snapshots] = await Promise.all([
    prisma.manuscriptUpdate.groupBy({ by: ['docName'], where: { manuscriptId }, _max: { seq: true } }),
    prisma.manuscriptSnapshot.findMany({ where: { manuscriptId }, select: { docName: true, throughSeq: true } }),
  ]);
  const versions = new Map<string, number>();
  for (const row of updates) versions.set(row.docName, row._max.seq ?? 0);
  for (const row of snapshots) versions.set(row.docName, Math.max(versions.get(row.docName) ?? 0, row.throughSeq));
  return versions;
}

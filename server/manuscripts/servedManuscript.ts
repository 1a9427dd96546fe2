import * as Y from 'yjs';
import type { PrismaClient } from '../generated/prisma/client';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';
import { listSections } from '@model/manuscript/manuscriptLayout';
import { hasSectionContent, readSectionContent } from '@model/manuscript/sectionDocument';
import type { JSONContent } from '@tiptap/core';
import { PrismaDocumentStore } from '../persistence/PrismaDocumentStore';

/** What the writing room is served with: the book and its first section as stored (update V2, base64). */
export interface ServedManuscript {
  book: string;
  /** The first section: its state, and its text as ProseMirror JSON for the page to show at once. */
  section?: { id: string; state: string; content: JSONContent };
}

/**
 * Reads what the writing room shows first straight from storage (at most a flush window behind
 * the writers; the sockets bring the rest): the book document, and the section the room opens on
 * (the first chapter, or the first section). Null for a manuscript not laid out in sections.
 */
export async function servedManuscript(prisma: PrismaClient, manuscriptId: string): Promise<ServedManuscript | null> {
  const store = new PrismaDocumentStore(prisma);
  if ((await store.layoutOf(manuscriptId)) !== 'sections') return null;
  const book = await readState(store, manuscriptId, BOOK_DOCUMENT);
  if (!book) return null;
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, book);
  const order = listSections(doc);
  doc.destroy();
  const first = order.find((section) => section.kind === 'chapter') ?? order[0];
  const section = first ? await readState(store, manuscriptId, first.id) : null;
  return {
    book: Buffer.from(book).toString('base64'),
    ...(first && section ? { section: { id: first.id, ...servedSection(section) } } : {}),
  };
}

/**
 * A section as the page gets it: its state without the text its writers deleted, and that text as
 * ProseMirror JSON.
 *
 * The stored state keeps every deleted character (the server keeps history); the browser's
 * document would drop them anyway as it applies the state (Yjs's garbage collection, on in the
 * browser). Dropping them here, in a collecting document, leaves a typed chapter's state a
 * fraction of its stored size, so the page downloads less and the browser decodes thousands of
 * structs fewer before the chapter is editable. The result is an ordinary Yjs state: same state
 * vector, deleted ranges kept as such, so it merges with the server's as the stored one would.
 */
export function servedSection(stored: Uint8Array): { state: string; content: JSONContent } {
  const doc = new Y.Doc({ gc: true });
  Y.applyUpdateV2(doc, stored);
  const content = hasSectionContent(doc) ? readSectionContent(doc) : { type: 'doc', content: [] };
  const state = Y.encodeStateAsUpdateV2(doc);
  doc.destroy();
  return { state: Buffer.from(state).toString('base64'), content };
}

/** One document's state as stored: its snapshot and log merged into one update. */
async function readState(store: PrismaDocumentStore, manuscriptId: string, docName: string): Promise<Uint8Array | null> {
  const stored = await store.load(manuscriptId, docName);
  if (!stored) return null;
  const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
  return parts.length === 0 ? null : parts.length === 1 ? parts[0] : Y.mergeUpdatesV2(parts);
}

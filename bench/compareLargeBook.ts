import * as Y from 'yjs';
import { PrismaDocumentStore } from '../server/persistence/PrismaDocumentStore';
import { manuscriptCreator } from '../server/manuscripts/manuscriptCreator';
import { revisionCreator } from '../server/revisions/revisionCreator';
import { compareRevisions } from '../server/revisions/compareRevisions';
import { historyDocFromStored } from '../server/revisions/historyDoc';
import { sectionFragment } from '@model/manuscript/manuscriptLayout';
import { createTempDatabase } from '../tests/support/tempDatabase';
import { createAccount } from '../tests/support/members';
import { largeManuscript } from './largeManuscript';
import { percentiles } from './percentiles';
import { MAIN_DOCUMENT } from '../server/persistence/DocumentStore';

/**
 * Times comparing a revision of a 120,000-word, 30-chapter book with its current text after
 * edits in five chapters, end to end as the compare route does it: load from SQLite, rebuild the
 * revision, diff. Runs `runs` times: 100 by default, enough for a p99 (see bench/percentiles.ts).
 */
export async function measureCompareLargeBook(runs = 100): Promise<Record<string, number>> {
  const database = await createTempDatabase();
  const owner = await createAccount(database.prisma, 'Bench');
  const id = await manuscriptCreator(database.prisma, largeManuscript(), { ownerId: owner.userId });
  const store = new PrismaDocumentStore(database.prisma);
  const doc = historyDocFromStored((await store.load(id, MAIN_DOCUMENT))!);
  const revisionId = (await revisionCreator(database.prisma, id, doc, { kind: 'named', name: 'Before edits' }))!;

  // Edit five chapters: a sentence rewritten at the start of each, so every one has changes.
  const before = Y.encodeStateVector(doc);
  for (const n of [2, 9, 15, 22, 29]) {
    const chapter = sectionFragment(doc, `chapter${n}`).get(0) as Y.XmlElement;
    const paragraph = chapter.get(2) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    text.delete(0, Math.min(40, text.length));
    text.insert(0, 'A new opening, written much later, ');
  }
  await store.append(id, MAIN_DOCUMENT, [{ update: Y.encodeStateAsUpdateV2(doc, before), userId: owner.userId }]);

  const times: number[] = [];
  let changedSections = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const diff = await compareRevisions(database.prisma, id, revisionId, 'now');
    times.push(performance.now() - started);
    changedSections = diff.sections.filter((s) => s.status === 'changed').length;
  }
  await database.cleanup();
  return { ...percentiles(times, 'compareMs'), changedSections };
}

import * as Y from 'yjs';
import { PrismaDocumentStore } from '../server/persistence/PrismaDocumentStore';
import { manuscriptCreator } from '../server/manuscripts/manuscriptCreator';
import { sectionsRevisionCreator } from '../server/revisions/sectionsRevisionCreator';
import { compareRevisions } from '../server/revisions/compareRevisions';
import { historyDocFromStored } from '../server/revisions/historyDoc';
import { sectionContent } from '@model/manuscript/sectionDocument';
import { createTempDatabase } from '../tests/support/tempDatabase';
import { createAccount } from '../tests/support/members';
import { largeManuscript } from './largeManuscript';
import { percentiles } from './percentiles';
import { sized } from './benchQuick';

/**
 * Times comparing a revision of a 120,000-word, 30-chapter book (laid out in sections: a book
 * document and one document per chapter) with its current text after edits in five chapters,
 * end to end as the compare route does it: load every document from SQLite, rebuild the
 * revision, diff. Runs `runs` times: 100 by default, enough for a p99 (see bench/percentiles.ts).
 */
export async function measureCompareLargeBook(runs = sized(100, 5)): Promise<Record<string, number>> {
  const database = await createTempDatabase();
  const owner = await createAccount(database.prisma, 'Bench');
  const id = await manuscriptCreator(database.prisma, largeManuscript(), { ownerId: owner.userId, layout: 'sections' });
  const store = new PrismaDocumentStore(database.prisma);
  const revisionId = (await sectionsRevisionCreator(database.prisma, id, new Map(), { kind: 'named', name: 'Before edits' }))!;

  // Edit five chapters, each in its own document: a sentence rewritten at the start of each.
  for (const n of [2, 9, 15, 22, 29]) {
    const name = `chapter${n}`;
    const doc = historyDocFromStored((await store.load(id, name))!);
    const before = Y.encodeStateVector(doc);
    const chapter = sectionContent(doc).get(0) as Y.XmlElement;
    const text = (chapter.get(2) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(0, Math.min(40, text.length));
    text.insert(0, 'A new opening, written much later, ');
    await store.append(id, name, [{ update: Y.encodeStateAsUpdateV2(doc, before), userId: owner.userId }]);
    doc.destroy();
  }

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

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { countWordChanges, type AuthorTally } from '../../server/revisions/wordChanges';
import type { LogEntry } from '../../server/persistence/DocumentStore';

/** A history-keeping document holding one paragraph of `text`, and the paragraph's text type. */
function paragraphDoc(text: string) {
  const doc = new Y.Doc({ gc: false });
  const paragraph = new Y.XmlElement('paragraph');
  doc.getXmlFragment('content').insert(0, [paragraph]);
  const run = new Y.XmlText();
  paragraph.insert(0, [run]);
  run.insert(0, text);
  return { doc, run, root: doc.getXmlFragment('content') };
}

/** Runs `change` as `userId`, one transaction per call of `step`, logging each update as the sync server would. */
function logged(doc: Y.Doc, userId: string, entries: LogEntry[], change: (step: (edit: () => void) => void) => void) {
  const onUpdate = (update: Uint8Array) => entries.push({ userId, update });
  doc.on('updateV2', onUpdate);
  change((edit) => doc.transact(edit));
  doc.off('updateV2', onUpdate);
}

test('words typed a key at a time, in the middle of a co-writer’s words, count once each', () => {
  const { doc, run, root } = paragraphDoc('Rain fell on the lot.');
  const before = Y.snapshot(doc);
  const entries: LogEntry[] = [];
  // Ada types a sentence a key at a time after "on"; Ben, from his own client, types inside it.
  logged(doc, 'ada', entries, (step) => {
    const typed = ' She counted the lamps again';
    for (let i = 0; i < typed.length; i++) step(() => run.insert(12 + i, typed[i]));
  });
  const ben = new Y.Doc({ gc: false });
  Y.applyUpdate(ben, Y.encodeStateAsUpdate(doc));
  const benRun = (ben.getXmlFragment('content').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const benUpdates: Uint8Array[] = [];
  ben.on('updateV2', (update: Uint8Array) => benUpdates.push(update));
  const offset = 12 + ' She counted the'.length;
  for (const [i, char] of [...' old'].entries()) benRun.insert(offset + i, char);
  for (const update of benUpdates) {
    Y.applyUpdateV2(doc, update);
    entries.push({ userId: 'ben', update });
  }
  // And Ada deletes "Rain " a key at a time.
  logged(doc, 'ada', entries, (step) => {
    for (let i = 0; i < 5; i++) step(() => run.delete(0, 1));
  });
  assert.equal(run.toString(), 'fell on She counted the old lamps again the lot.');
  const authors: AuthorTally = new Map();
  const totals = countWordChanges(root, before, Y.snapshot(doc), entries, authors);
  assert.deepEqual(Object.fromEntries(authors), { ada: { added: 5, removed: 1 }, ben: { added: 1, removed: 0 } });
  assert.deepEqual(totals, { added: 6, removed: 1 });
});

test('a word a writer completes around letters that were there before counts as one word of theirs', () => {
  const { doc, run, root } = paragraphDoc('The lamps were n at dusk.');
  const before = Y.snapshot(doc);
  const entries: LogEntry[] = [];
  // "n" becomes "counted": "cou" typed before it, "ted" after it, each a key at a time.
  logged(doc, 'ada', entries, (step) => {
    for (const [i, char] of [...'cou'].entries()) step(() => run.insert(15 + i, char));
    for (const [i, char] of [...'ted'].entries()) step(() => run.insert(19 + i, char));
  });
  assert.equal(run.toString(), 'The lamps were counted at dusk.');
  const authors: AuthorTally = new Map();
  assert.deepEqual(countWordChanges(root, before, Y.snapshot(doc), entries, authors), { added: 1, removed: 0 });
  assert.deepEqual(Object.fromEntries(authors), { ada: { added: 1, removed: 0 } });
});

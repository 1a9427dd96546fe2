// Revisions' delta snapshots merged back into full ones: written to kill the mutants
// `npm run test:mutation` found in the pure half of revisionSnapshots (no unit test reached it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { encodeDeltaSnapshot, mergeDeltaSnapshots } from '../../server/revisions/revisionSnapshots';
import { docAtSnapshot } from '../../server/revisions/historyDoc';

/** A history-keeping doc typed into in three steps, with each step's state vector and the deletions made in it. */
function threeRevisions() {
  const doc = new Y.Doc({ gc: false });
  const text = doc.getText('t');
  const steps: Array<{ sv: Map<number, number>; ds: ReturnType<typeof Y.createDeleteSet>; text: string }> = [];
  const step = (change: () => void) => {
    const before = Y.encodeStateVector(doc);
    doc.transact(change);
    const { ds } = Y.decodeUpdateV2(Y.encodeStateAsUpdateV2(doc, before));
    steps.push({ sv: Y.snapshot(doc).sv, ds, text: text.toString() });
  };
  step(() => text.insert(0, 'one two three'));
  step(() => {
    text.delete(4, 4); // "two "
    text.insert(text.length, ' four');
  });
  step(() => {
    text.delete(0, 4); // "one "
    text.insert(0, 'zero ');
  });
  return { doc, steps };
}

test('merging delta snapshots, oldest first, gives each revision its full snapshot and text', () => {
  const { doc, steps } = threeRevisions();
  const deltas = steps.map((s) => encodeDeltaSnapshot(s.sv, s.ds));
  for (let i = 0; i < steps.length; i++) {
    const merged = mergeDeltaSnapshots(deltas.slice(0, i + 1));
    assert.deepEqual(merged.sv, steps[i].sv, `revision ${i + 1} has its own state vector`);
    assert.equal(docAtSnapshot(doc, merged).getText('t').toString(), steps[i].text, `revision ${i + 1} reads as it was written`);
  }
  // The last revision's snapshot is the doc's own: every deletion of every step is in it.
  assert.ok(Y.equalSnapshots(mergeDeltaSnapshots(deltas), Y.snapshot(doc)), 'the merged snapshot of the last revision equals the doc\'s snapshot');
});

test('a delta snapshot keeps only what it was given: its state vector and the deletions since the previous one', () => {
  const { steps } = threeRevisions();
  const decoded = Y.decodeSnapshotV2(encodeDeltaSnapshot(steps[2].sv, steps[2].ds));
  assert.deepEqual(decoded.sv, steps[2].sv);
  assert.ok(Y.equalDeleteSets(decoded.ds, steps[2].ds), 'the deletions are those given, not the doc\'s');
});

test('no revisions merge into the empty snapshot', () => {
  const merged = mergeDeltaSnapshots([]);
  assert.equal(merged, Y.emptySnapshot);
});

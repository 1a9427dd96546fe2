import * as Y from 'yjs';
import { emptySection } from '@model/manuscript/emptySection';
import { sectionContent, writeSectionContent } from '@model/manuscript/sectionDocument';
import { loadTypingTrace, type TypingTrace } from './typingTrace';
import { sized } from './benchQuick';

/** Replays the trace into a text type, one transaction per recorded transaction; returns ms taken. */
function replay(trace: TypingTrace, doc: Y.Doc, text: Y.Text | Y.XmlText): number {
  const started = performance.now();
  for (const txn of trace.txns) {
    doc.transact(() => {
      for (const [position, deleted, inserted] of txn.patches) {
        if (deleted > 0) text.delete(position, deleted);
        if (inserted) text.insert(position, inserted);
      }
    });
  }
  return performance.now() - started;
}

/** Replays per side; an even number, so each side goes first in half of them. */
const RUNS = sized(6, 2);

/**
 * The cost of Quire's document model against the bare minimum: the real typing trace replayed
 * into a paragraph of a chapter's own document as the sync server holds it (section fragment,
 * chapter element, paragraph element, text), and into a raw Y.Text, in the same run. Both docs keep
 * their history (`gc: false`), as the sync server's rooms do. Time per edit (best of six runs
 * each, the order alternating: ours first, then the raw text first, and so on) and encoded size.
 * With `--expose-gc` (as `npm run bench` runs), garbage is collected before every replay, so no
 * run pays for the garbage of the one before.
 */
export async function measureCrdtOverhead(): Promise<Record<string, number>> {
  const trace = loadTypingTrace();
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const times = { ours: [] as number[], raw: [] as number[] };
  const bytes = { ours: 0, raw: 0 };
  const replays = {
    ours: () => {
      const doc = new Y.Doc({ gc: false });
      writeSectionContent(doc, emptySection('chapter', 'Chapter One'));
      const chapter = sectionContent(doc).get(0) as Y.XmlElement;
      const paragraph = chapter.get(1) as Y.XmlElement;
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      times.ours.push(replay(trace, doc, text));
      if (text.toString() !== trace.endContent) throw new Error('replay into the section model went wrong');
      bytes.ours = Y.encodeStateAsUpdateV2(doc).byteLength;
      doc.destroy();
    },
    raw: () => {
      const doc = new Y.Doc({ gc: false });
      const text = doc.getText('t');
      times.raw.push(replay(trace, doc, text));
      if (text.toString() !== trace.endContent) throw new Error('replay into the raw Y.Text went wrong');
      bytes.raw = Y.encodeStateAsUpdateV2(doc).byteLength;
      doc.destroy();
    },
  };
  for (let run = 0; run < RUNS; run++) {
    for (const side of run % 2 === 0 ? (['ours', 'raw'] as const) : (['raw', 'ours'] as const)) {
      collect();
      replays[side]();
    }
  }
  const edits = trace.txns.length;
  const best = (values: number[]) => Math.min(...values);
  const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    edits,
    runsEach: RUNS,
    oursMicrosecondsPerEdit: round((best(times.ours) * 1000) / edits),
    rawYTextMicrosecondsPerEdit: round((best(times.raw) * 1000) / edits),
    timeRatio: round(best(times.ours) / best(times.raw)),
    oursBytes: bytes.ours,
    rawYTextBytes: bytes.raw,
    sizeRatio: round(bytes.ours / bytes.raw),
  };
}

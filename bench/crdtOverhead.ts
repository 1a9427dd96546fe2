import * as Y from 'yjs';
import { writeManuscriptToYDoc } from '../components/manuscript/manuscriptToYDoc';
import { newManuscript } from '../server/manuscripts/newManuscript';
import { sectionFragment, listSections } from '../components/manuscript/manuscriptLayout';
import { loadTypingTrace, type TypingTrace } from './typingTrace';

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

/**
 * The cost of Quire's document model against the bare minimum: the real typing trace replayed
 * into a paragraph of a chapter in our section layout (manuscript doc, sections map, chapter
 * fragment, paragraph element, text), and into a raw Y.Text, in the same run. Time per edit and
 * encoded size; best of three runs each, alternating so both see the same machine state.
 */
export async function measureCrdtOverhead(): Promise<Record<string, number>> {
  const trace = loadTypingTrace();
  const ours: number[] = [];
  const raw: number[] = [];
  let oursBytes = 0;
  let rawBytes = 0;
  for (let run = 0; run < 3; run++) {
    const doc = writeManuscriptToYDoc(newManuscript('Trace'));
    const chapterId = listSections(doc).find((s) => s.kind === 'chapter')!.id;
    const chapter = sectionFragment(doc, chapterId).get(0) as Y.XmlElement;
    const paragraph = chapter.get(1) as Y.XmlElement;
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    ours.push(replay(trace, doc, text));
    if (text.toString() !== trace.endContent) throw new Error('replay into the section model went wrong');
    oursBytes = Y.encodeStateAsUpdateV2(doc).byteLength;

    const rawDoc = new Y.Doc();
    const rawText = rawDoc.getText('t');
    raw.push(replay(trace, rawDoc, rawText));
    rawBytes = Y.encodeStateAsUpdateV2(rawDoc).byteLength;
  }
  const edits = trace.txns.length;
  const best = (values: number[]) => Math.min(...values);
  const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    edits,
    oursMicrosecondsPerEdit: round((best(ours) * 1000) / edits),
    rawYTextMicrosecondsPerEdit: round((best(raw) * 1000) / edits),
    timeRatio: round(best(ours) / best(raw)),
    oursBytes,
    rawYTextBytes: rawBytes,
    sizeRatio: round(oursBytes / rawBytes),
  };
}

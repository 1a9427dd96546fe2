import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { signSyncToken } from '../server/access/syncToken';
import { createTempDatabase } from '../tests/support/tempDatabase';
import { createAccount, createOwnedManuscript } from '../tests/support/members';
import { startSyncProcess } from '../tests/support/syncProcess';
import { percentiles } from './percentiles';
import { sized } from './benchQuick';
import { sectionContent } from '@model/manuscript/sectionDocument';
import { sampleManuscript } from '../prisma/seed/sampleManuscript';

const WRITERS = 20;
/** Caret moves per second per writer while carets are on. */
const CARET_HZ = 30;
/** Each writer types a character this often (ms): 20 writers make about 67 edits a second. */
const KEYSTROKE_MS = 300;
/** The four segments, ABBA so neither condition always runs first or last; 30 s each, 60 s per condition. */
const SEGMENT_MS = Number(process.env.PRESENCE_SEGMENT_MS ?? sized(30_000, 3_000));
const SEGMENTS: Array<{ carets: boolean; ms: number }> = [
  { carets: false, ms: SEGMENT_MS },
  { carets: true, ms: SEGMENT_MS },
  { carets: true, ms: SEGMENT_MS },
  { carets: false, ms: SEGMENT_MS },
];
const WARM_UP_MS = sized(5_000, 1_000);

interface Writer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: number;
  awarenessMessages: number;
}

/**
 * Presence under load: 20 writers in one chapter's room (`/<manuscriptId>/<sectionId>`, the
 * sample novel's first chapter) on Quire's sync server (its own process), each typing a
 * character every 300 ms at the end of a paragraph of its own, with and without every caret moving at 30 Hz. Reports
 * edit propagation (from an edit to each other writer having it) for both conditions, the p99
 * ratio, disconnects, and the awareness messages each writer received per second.
 */
export async function measurePresence(): Promise<Record<string, number>> {
  const database = await createTempDatabase();
  const manuscript = sampleManuscript();
  const { id } = await createOwnedManuscript(database.prisma, 'Presence', { layout: 'sections', manuscript });
  const room = `${id}/${manuscript.sections.find((section) => section.kind === 'chapter')!.id}`;
  const accounts = await Promise.all(Array.from({ length: WRITERS }, (_, i) => createAccount(database.prisma, `Writer${i}`)));
  await database.prisma.membership.createMany({ data: accounts.map((a) => ({ manuscriptId: id, userId: a.userId, role: 'editor' })) });
  const server = await startSyncProcess(database.url);
  const writers: Writer[] = [];
  try {
    for (const account of accounts) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}`, room, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { token: await signSyncToken(account.userId, id) },
      });
      const writer: Writer = { doc, provider, closes: 0, awarenessMessages: 0 };
      provider.on('connection-close', () => (writer.closes += 1));
      const handleAwareness = provider.messageHandlers[1];
      provider.messageHandlers[1] = (...args) => {
        writer.awarenessMessages += 1;
        handleAwareness(...args);
      };
      provider.awareness.setLocalStateField('user', { name: `Writer ${writers.length}`, color: '#336699' });
      writers.push(writer);
    }
    await Promise.all(writers.map((w) => new Promise<void>((resolve) => (w.provider.synced ? resolve() : w.provider.once('sync', () => resolve())))));
    /** Writer `w`'s own paragraph text, as `doc` holds it: the chapter's w-th paragraph. */
    const paragraphText = (doc: Y.Doc, w: number): Y.XmlText => {
      const chapter = sectionContent(doc).get(0) as Y.XmlElement;
      const paragraphs = chapter.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
      return paragraphs[w].get(0) as Y.XmlText;
    };

    /** When each keystroke was typed: `${writer}:${length after it}` -> ms. */
    const typedAt = new Map<string, number>();
    let latencies: number[] = [];
    writers.forEach((receiver, r) =>
      writers.forEach((sender, s) => {
        if (r === s) return;
        const text = paragraphText(receiver.doc, s);
        text.observe(() => {
          const started = typedAt.get(`${s}:${text.length}`);
          if (started !== undefined) latencies.push(performance.now() - started);
        });
      }),
    );
    const run = async (carets: boolean, ms: number) => {
      const timers = writers.flatMap((writer, i) => {
        const text = paragraphText(writer.doc, i);
        const typing = setInterval(() => {
          text.insert(text.length, 'x');
          typedAt.set(`${i}:${text.length}`, performance.now());
        }, KEYSTROKE_MS);
        if (!carets) return [typing];
        let position = 0;
        const caret = setInterval(() => writer.provider.awareness.setLocalStateField('cursor', { anchor: ++position, head: position }), 1000 / CARET_HZ);
        return [typing, caret];
      });
      await new Promise((resolve) => setTimeout(resolve, ms));
      timers.forEach(clearInterval);
      // Let the last keystrokes arrive before the next segment starts counting.
      await new Promise((resolve) => setTimeout(resolve, 500));
    };

    await run(true, WARM_UP_MS);
    latencies = [];
    const samples = { quiet: [] as number[], carets: [] as number[] };
    const closesBefore = writers.reduce((sum, w) => sum + w.closes, 0);
    let awarenessBefore = writers.reduce((sum, w) => sum + w.awarenessMessages, 0);
    let caretAwareness = 0;
    let caretMs = 0;
    for (const segment of SEGMENTS) {
      latencies = [];
      await run(segment.carets, segment.ms);
      (segment.carets ? samples.carets : samples.quiet).push(...latencies);
      const awarenessNow = writers.reduce((sum, w) => sum + w.awarenessMessages, 0);
      if (segment.carets) {
        caretAwareness += awarenessNow - awarenessBefore;
        caretMs += segment.ms;
      }
      awarenessBefore = awarenessNow;
    }
    const results: Record<string, number> = {
      writers: WRITERS,
      caretHz: CARET_HZ,
      ...percentiles(samples.quiet, 'withoutCaretsMs'),
      ...percentiles(samples.carets, 'withCaretsMs'),
      samplesWithout: samples.quiet.length,
      samplesWith: samples.carets.length,
      disconnects: writers.reduce((sum, w) => sum + w.closes, 0) - closesBefore,
      awarenessMessagesPerWriterPerSecond: Math.round((caretAwareness / WRITERS / (caretMs / 1000)) * 10) / 10,
    };
    // A quick run may have too few samples for a p99 (see bench/percentiles.ts), so no ratio either.
    if (results.withCaretsMsP99 !== undefined) results.p99Ratio = Math.round((results.withCaretsMsP99 / results.withoutCaretsMsP99) * 100) / 100;
    return results;
  } finally {
    for (const writer of writers) {
      writer.provider.destroy();
      writer.doc.destroy();
    }
    await server.kill('SIGTERM');
    await database.cleanup();
  }
}

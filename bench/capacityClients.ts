/**
 * The clients of the `serverCapacity` measure (bench/serverCapacity.ts): stock y-websocket
 * clients in a process of their own, driven over IPC by the benchmark, so that thousands of
 * clients applying each other's keystrokes take their CPU time from this process and not from
 * the sync server's. Each command is answered before the next is sent:
 *
 * - `connect`: adds clients (to new rooms or to rooms that already have some) and answers once
 *   every one of them has synced;
 * - `run`: every writing client types at the end of its own paragraph at a random pace for a
 *   warm-up and a measured window; answers with the propagation latencies of the keystrokes typed
 *   in the window (from the keystroke until each other client of its room has it), reporting
 *   `window` messages as the window opens and closes so the benchmark can read the server's CPU
 *   time over it;
 * - `stop`: disconnects everything and exits.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { sectionContent } from '@model/manuscript/sectionDocument';
import { percentiles } from './percentiles';

/** One client: the room it joins, its sync token, and the chapter paragraph it types into if it writes. */
export interface ClientSpec {
  room: string;
  token: string;
  /** Index of its paragraph among the chapter's paragraphs. */
  paragraph: number;
  writes: boolean;
}

/** What the benchmark sends. */
export type ToClients =
  | { type: 'connect'; url: string; clients: ClientSpec[] }
  | { type: 'run'; warmUpMs: number; measureMs: number; keystrokeMs: [number, number] }
  | { type: 'stop' };

/** What this process answers. */
export type FromClients =
  | { type: 'connected'; clients: number }
  | { type: 'window'; phase: 'open' | 'close' }
  | {
      type: 'ran';
      /** `percentiles(…, 'ms')` of every arrival, arrivals that never came counted at the time waited. */
      latencies: Record<string, number>;
      keystrokes: number;
      /** Arrivals still missing after the wait (each counted in `latencies` at the time waited). */
      missing: number;
      /** Connections closed during the run (a stock client reconnects by itself). */
      disconnects: number;
      /** CPU time this process used per second of the window (1 = one core). */
      cpuCores: number;
    }
  | { type: 'error'; message: string };

interface Client {
  spec: ClientSpec;
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: number;
  /** Writers only: when each keystroke was typed, by the paragraph's length after it. */
  typedAt: Map<number, number>;
  /** Writers only: how many other clients have each keystroke, by the same length. */
  arrivals: Map<number, number>;
}

/** Connections opened at once: a burst of thousands of upgrades would only measure the accept queue. */
const CONNECT_BATCH = 50;
const SYNC_TIMEOUT_MS = 120_000;
/** How long a run waits for the window's last keystrokes to arrive everywhere. */
const DRAIN_MS = 5_000;
/** Typed in a loop, so word counts change as they do when someone writes. */
const PROSE = 'the rain had not stopped since morning and nobody in the house said so ';

const rooms = new Map<string, Client[]>();
let latencies: number[] = [];
/** The measured window, in `performance.now()` time; keystrokes outside it are typed but not counted. */
let measured = { from: Infinity, to: -Infinity };

function send(message: FromClients): void {
  process.send!(message);
}

/** The text of the chapter's `index`-th paragraph in `doc`. */
function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const chapter = sectionContent(doc).get(0) as Y.XmlElement;
  const paragraphs = chapter.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
  if (index >= paragraphs.length) throw new Error(`the chapter has ${paragraphs.length} paragraphs, client wants number ${index}`);
  return paragraphs[index].get(0) as Y.XmlText;
}

/** Times each of `writer`'s keystrokes as it arrives in `receiver`'s document. */
function observe(receiver: Client, writer: Client): void {
  const text = paragraphText(receiver.doc, writer.spec.paragraph);
  let seen = text.length;
  text.observe(() => {
    const now = performance.now();
    // An update may carry several keystrokes: each is timed on its own.
    for (let length = seen + 1; length <= text.length; length++) {
      const typed = writer.typedAt.get(length);
      if (typed === undefined || typed < measured.from || typed >= measured.to) continue;
      latencies.push(now - typed);
      writer.arrivals.set(length, (writer.arrivals.get(length) ?? 0) + 1);
    }
    seen = Math.max(seen, text.length);
  });
}

async function connect(url: string, specs: ClientSpec[]): Promise<void> {
  const added: Client[] = [];
  for (let start = 0; start < specs.length; start += CONNECT_BATCH) {
    const batch = specs.slice(start, start + CONNECT_BATCH).map((spec): Client => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(url, spec.room, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { token: spec.token },
      });
      const client: Client = { spec, doc, provider, closes: 0, typedAt: new Map(), arrivals: new Map() };
      provider.on('connection-close', () => (client.closes += 1));
      return client;
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const waiting = batch.filter((c) => !c.provider.synced).length;
        reject(new Error(`${waiting} of ${batch.length} clients had not synced after ${SYNC_TIMEOUT_MS} ms (refused by the server?)`));
      }, SYNC_TIMEOUT_MS);
    });
    try {
      await Promise.race([Promise.all(batch.map((c) => new Promise<void>((resolve) => (c.provider.synced ? resolve() : c.provider.once('sync', () => resolve()))))), timedOut]);
    } finally {
      clearTimeout(timer);
    }
    added.push(...batch);
  }
  // Observers are set up once everyone has synced, between every new pair: new readers of old
  // writers, old readers of new writers, and the new among themselves.
  for (const client of added) {
    const members = rooms.get(client.spec.room) ?? [];
    members.push(client);
    rooms.set(client.spec.room, members);
  }
  const isNew = new Set(added);
  for (const members of new Set(added.map((c) => rooms.get(c.spec.room)!))) {
    for (const receiver of members) {
      for (const writer of members) {
        if (writer === receiver || !writer.spec.writes || (!isNew.has(receiver) && !isNew.has(writer))) continue;
        observe(receiver, writer);
      }
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(warmUpMs: number, measureMs: number, [shortest, longest]: [number, number]): Promise<FromClients> {
  const writers = [...rooms.values()].flatMap((members) => members.filter((c) => c.spec.writes).map((writer) => ({ writer, receivers: members.length - 1 })));
  const timers = new Set<NodeJS.Timeout>();
  let typing = true;
  const pace = () => shortest + Math.random() * (longest - shortest);
  for (const { writer } of writers) {
    const text = paragraphText(writer.doc, writer.spec.paragraph);
    const type = () => {
      if (!typing) return;
      const typed = performance.now();
      text.insert(text.length, PROSE[text.length % PROSE.length]);
      writer.typedAt.set(text.length, typed);
      const timer = setTimeout(() => {
        timers.delete(timer);
        type();
      }, pace());
      timers.add(timer);
    };
    // Writers start at random moments, so their keystrokes do not fall in step.
    const first = setTimeout(type, Math.random() * longest);
    timers.add(first);
  }
  const closesBefore = [...rooms.values()].flat().reduce((sum, c) => sum + c.closes, 0);
  await sleep(warmUpMs);

  latencies = [];
  const cpuBefore = process.cpuUsage();
  measured = { from: performance.now(), to: Infinity };
  send({ type: 'window', phase: 'open' });
  await sleep(measureMs);
  measured.to = performance.now();
  typing = false;
  for (const timer of timers) clearTimeout(timer);
  const cpu = process.cpuUsage(cpuBefore);
  send({ type: 'window', phase: 'close' });

  const inWindow = writers.flatMap(({ writer, receivers }) =>
    [...writer.typedAt].filter(([, typed]) => typed >= measured.from && typed < measured.to).map(([length, typed]) => ({ writer, receivers, length, typed })),
  );
  const missingNow = () => inWindow.reduce((sum, k) => sum + k.receivers - (k.writer.arrivals.get(k.length) ?? 0), 0);
  const drainUntil = performance.now() + DRAIN_MS;
  while (missingNow() > 0 && performance.now() < drainUntil) await sleep(50);
  // What never arrived counts at the time waited for it: a lower bound, so the tail is not flattered.
  const waited = performance.now();
  let missing = 0;
  for (const k of inWindow) {
    const absent = k.receivers - (k.writer.arrivals.get(k.length) ?? 0);
    for (let i = 0; i < absent; i++) latencies.push(waited - k.typed);
    missing += absent;
  }
  const result: FromClients = {
    type: 'ran',
    latencies: percentiles(latencies, 'ms'),
    keystrokes: inWindow.length,
    missing,
    disconnects: [...rooms.values()].flat().reduce((sum, c) => sum + c.closes, 0) - closesBefore,
    cpuCores: Math.round(((cpu.user + cpu.system) / 1000 / (measured.to - measured.from)) * 100) / 100,
  };
  // Keystrokes of earlier runs are of no further use; the lengths they were typed at never recur.
  for (const { writer } of writers) {
    writer.typedAt.clear();
    writer.arrivals.clear();
  }
  latencies = [];
  measured = { from: Infinity, to: -Infinity };
  return result;
}

function stop(): void {
  for (const client of [...rooms.values()].flat()) {
    client.provider.destroy();
    client.doc.destroy();
  }
  rooms.clear();
}

// Every client adds an exit listener; there are thousands.
process.setMaxListeners(0);
process.on('message', (message: ToClients) => {
  const answer = (work: Promise<FromClients>) =>
    work.then(send, (error: Error) => send({ type: 'error', message: error.stack ?? error.message }));
  if (message.type === 'connect') answer(connect(message.url, message.clients).then(() => ({ type: 'connected', clients: [...rooms.values()].flat().length })));
  else if (message.type === 'run') answer(run(message.warmUpMs, message.measureMs, message.keystrokeMs));
  else {
    stop();
    process.disconnect();
  }
});
// The benchmark gone (ended or killed), nothing is left to measure for.
process.on('disconnect', () => {
  stop();
  process.exit(0);
});

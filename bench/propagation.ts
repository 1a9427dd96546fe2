import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { signSyncToken } from '../server/access/syncToken';
import { createTempDatabase } from '../tests/support/tempDatabase';
import { createAccount, createOwnedManuscript } from '../tests/support/members';
import { startSyncProcess } from '../tests/support/syncProcess';
import { percentiles } from './percentiles';
import { sized } from './benchQuick';
import { sectionDocParagraph } from '../tests/support/chapterText';
import { sampleManuscript } from '../prisma/seed/sampleManuscript';
import { startRedisServer } from '../scripts/redisServer';

/** Measured edits per server and writer count, at least (see MIN_SAMPLES). */
const ROUNDS = sized(600, 40);
/**
 * Fewest latencies per server and writer count: with two writers an edit has one receiver, and
 * 600 samples would make the p99 the sixth slowest edit, one scheduling hiccup from another.
 */
const MIN_SAMPLES = sized(3000, 40);
/** Edits per server before measuring, so neither server's (nor the clients') first work is timed. */
const WARM_UP_ROUNDS = sized(100, 10);
/** Measured edits per server at a writer count: enough for ROUNDS edits and MIN_SAMPLES latencies. */
function measuredRounds(writers: number): number {
  return Math.ceil(Math.max(ROUNDS, MIN_SAMPLES / (writers - 1)));
}

interface Writer {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/** Starts the stock baseline server in its own process; resolves with its port and process. */
function startStockServer(): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'bench', 'stockSyncServer.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening on port (\d+)/.exec(chunk.toString());
      if (match) resolve({ port: Number(match[1]), child });
    });
  });
}

/** Connects one stock client per token to a room and resolves once all have synced. */
async function connectWriters(url: string, room: string, tokens: Array<string | null>): Promise<Writer[]> {
  const writers = tokens.map((token) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(url, room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: token ? { token } : {},
    });
    return { doc, provider };
  });
  await Promise.all(writers.map((w) => new Promise<void>((resolve) => (w.provider.synced ? resolve() : w.provider.once('sync', () => resolve())))));
  return writers;
}

/** Connects one client per token, alternating between `urls` (writers split between joined servers). */
async function connectSplit(urls: string[], room: string, tokens: string[]): Promise<Writer[]> {
  const groups = await Promise.all(urls.map((url, i) => connectWriters(url, room, tokens.filter((_, t) => t % urls.length === i))));
  // Back in token order, so turns alternate between the servers.
  return tokens.map((_, t) => groups[t % urls.length][Math.floor(t / urls.length)]);
}

/**
 * One edit by `sender`, timed from the keystroke until every other writer's document has it.
 * Resolves with each receiver's latency in ms.
 */
async function timedEdit(writers: Writer[], sender: Writer): Promise<number[]> {
  const latencies: number[] = [];
  let started = 0;
  const arrived = Promise.all(
    writers
      .filter((w) => w !== sender)
      .map(
        (receiver) =>
          new Promise<void>((resolve) => {
            const onUpdate = (_update: Uint8Array, origin: unknown) => {
              if (origin !== receiver.provider) return;
              latencies.push(performance.now() - started);
              receiver.doc.off('update', onUpdate);
              resolve();
            };
            receiver.doc.on('update', onUpdate);
          }),
      ),
  );
  // Every writer types at the end of the chapter's first paragraph, as co-writers in one chapter do.
  const text = sectionDocParagraph(sender.doc);
  started = performance.now();
  text.insert(text.length, 'x');
  await arrived;
  return latencies;
}

type Side = 'quire' | 'stock' | 'twoServers';

/**
 * `rounds` rounds of one edit on each server, each by the next writer in turn, the two servers'
 * edits interleaved (Quire's first in even rounds, the stock server's in odd ones): whatever
 * slows the machine for a moment (the benchmark process's own garbage collection, another
 * process) falls on both servers alike instead of on whichever was being measured then. Returns
 * every receiver's latency per server, in ms.
 */
async function editRounds(sides: Record<Side, Writer[]>, rounds: number): Promise<Record<Side, number[]>> {
  const samples = Object.fromEntries(Object.keys(sides).map((side) => [side, [] as number[]])) as Record<Side, number[]>;
  for (let round = 0; round < rounds; round++) {
    const all = Object.keys(sides) as Side[];
    const order = round % 2 === 0 ? all : [...all].reverse();
    for (const side of order) {
      const writers = sides[side];
      samples[side].push(...(await timedEdit(writers, writers[round % writers.length])));
      // A typing pace, not a flood: the next keystroke follows a few milliseconds later.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  return samples;
}

/** Applies `state` in the first writer's document and resolves once every other writer has it too. */
async function seed(writers: Writer[], state: Uint8Array): Promise<void> {
  Y.applyUpdate(writers[0].doc, state);
  const target = Y.encodeStateVector(writers[0].doc);
  const has = (writer: Writer) => {
    const vector = Y.decodeStateVector(Y.encodeStateVector(writer.doc));
    return [...Y.decodeStateVector(target)].every(([client, clock]) => (vector.get(client) ?? 0) >= clock);
  };
  await Promise.all(
    writers.map(
      (writer) =>
        new Promise<void>((resolve) => {
          if (has(writer)) return resolve();
          const check = () => {
            if (!has(writer)) return;
            writer.doc.off('update', check);
            resolve();
          };
          writer.doc.on('update', check);
        }),
    ),
  );
}

function disconnect(writers: Writer[]): void {
  for (const writer of writers) {
    writer.provider.destroy();
    writer.doc.destroy();
  }
}

/**
 * Propagation through Quire's sync server (its own process, SQLite persistence, authenticated
 * connections) against the stock @y/websocket-server without persistence, measured in the same
 * run, with 2, 10 and 50 writers in one chapter: on Quire's server the chapter's own room
 * (`/<manuscriptId>/<sectionId>`, the sample novel's first chapter), on the stock server a room
 * given the same chapter document first; and across two of Quire's servers joined through a
 * throwaway Redis, the writers split between them (a manuscript of their own with the same
 * novel). For each writer count every side's clients connect, all are warmed up, then the sides'
 * edits are measured interleaved, edit by edit.
 */
export async function measurePropagation(): Promise<Record<string, number>> {
  const database = await createTempDatabase();
  const manuscript = sampleManuscript();
  const { id } = await createOwnedManuscript(database.prisma, 'Propagation', { layout: 'sections', manuscript });
  const chapterId = manuscript.sections.find((section) => section.kind === 'chapter')!.id;
  // The two joined servers get a manuscript of their own (the same novel): one room, one storer.
  const shared = await createOwnedManuscript(database.prisma, 'Propagation across servers', { layout: 'sections', manuscript });
  const accounts = await Promise.all(Array.from({ length: 10 }, (_, i) => createAccount(database.prisma, `P${i}`)));
  await database.prisma.membership.createMany({
    data: [id, shared.id].flatMap((manuscriptId) => accounts.map((a) => ({ manuscriptId, userId: a.userId, role: 'editor' }))),
  });
  // PROPAGATION_SERVER_ENV (JSON) adds to the sync server's environment, e.g. NODE_OPTIONS with --cpu-prof to profile it.
  const serverEnv = JSON.parse(process.env.PROPAGATION_SERVER_ENV ?? '{}') as Record<string, string>;
  const ours = await startSyncProcess(database.url, { env: { SYNC_MAX_MESSAGES_PER_SECOND: '100000', ...serverEnv } });
  const stock = await startStockServer();
  // Two more of ours joined through a throwaway Redis, the writers split between them.
  const redis = await startRedisServer();
  const joinedEnv = { SYNC_MAX_MESSAGES_PER_SECOND: '100000', REDIS_URL: redis.url(), ...serverEnv };
  const joined = [await startSyncProcess(database.url, { env: joinedEnv }), await startSyncProcess(database.url, { env: joinedEnv })];
  const results: Record<string, number> = {};
  try {
    for (const count of [2, 10, 50]) {
      const tokens = await Promise.all(Array.from({ length: count }, (_, i) => signSyncToken(accounts[i % accounts.length].userId, id)));
      const sharedTokens = await Promise.all(Array.from({ length: count }, (_, i) => signSyncToken(accounts[i % accounts.length].userId, shared.id)));
      const sides = {
        quire: await connectWriters(`ws://127.0.0.1:${ours.port}`, `${id}/${chapterId}`, tokens),
        stock: await connectWriters(`ws://127.0.0.1:${stock.port}`, `bench-${count}`, tokens.map(() => null)),
        twoServers: await connectSplit(joined.map((server) => `ws://127.0.0.1:${server.port}`), `${shared.id}/${chapterId}`, sharedTokens),
      };
      // The stock room starts empty: one writer gives it the chapter as Quire's room holds it.
      await seed(sides.stock, Y.encodeStateAsUpdate(sides.quire[0].doc));
      let samples: Record<Side, number[]>;
      try {
        await editRounds(sides, WARM_UP_ROUNDS);
        samples = await editRounds(sides, measuredRounds(count));
      } finally {
        disconnect(sides.quire);
        disconnect(sides.stock);
        disconnect(sides.twoServers);
      }
      Object.assign(
        results,
        percentiles(samples.quire, `writers${count}Ms`),
        percentiles(samples.stock, `writers${count}BaselineMs`),
        percentiles(samples.twoServers, `writers${count}TwoServersMs`),
      );
      // A quick run has too few samples for a p99 (see bench/percentiles.ts), so no ratio either.
      if (results[`writers${count}MsP99`] !== undefined) {
        results[`writers${count}P99Ratio`] = Math.round((results[`writers${count}MsP99`] / results[`writers${count}BaselineMsP99`]) * 100) / 100;
        // Target: across two servers at most twice one server's p99.
        results[`writers${count}TwoServersP99Ratio`] = Math.round((results[`writers${count}TwoServersMsP99`] / results[`writers${count}MsP99`]) * 100) / 100;
      }
    }
  } finally {
    await ours.kill('SIGTERM');
    await Promise.all(joined.map((server) => server.kill('SIGTERM')));
    await redis.stop();
    stock.child.kill('SIGTERM');
    await database.cleanup();
  }
  return results;
}

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

const ROUNDS = 600;

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

/**
 * One-way latency of an edit from one writer to all the others through a server: `ROUNDS`
 * single-character edits, each by the next writer in turn, timed from the edit until each other
 * writer's document has it. Returns every receiver's latency in ms.
 */
async function measure(url: string, room: string, tokens: Array<string | null>): Promise<number[]> {
  const writers = tokens.map((token) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(url, room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: token ? { token } : {},
    });
    return { doc, provider, text: doc.getText('bench') };
  });
  await Promise.all(writers.map((w) => new Promise<void>((resolve) => (w.provider.synced ? resolve() : w.provider.once('sync', () => resolve())))));
  const latencies: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const sender = writers[round % writers.length];
    const receivers = writers.filter((w) => w !== sender);
    let started = 0;
    const arrived = Promise.all(
      receivers.map(
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
    started = performance.now();
    sender.text.insert(sender.text.length, 'x');
    await arrived;
    // A typing pace, not a flood: the next keystroke follows a few milliseconds later.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  for (const writer of writers) {
    writer.provider.destroy();
    writer.doc.destroy();
  }
  return latencies;
}

/**
 * Propagation through Quire's sync server (its own process, SQLite persistence, authenticated
 * connections) against the stock @y/websocket-server without persistence, measured in the same
 * run, with 2, 10 and 50 writers on one manuscript.
 */
export async function measurePropagation(): Promise<Record<string, number>> {
  const database = await createTempDatabase();
  const { id } = await createOwnedManuscript(database.prisma, 'Propagation');
  const accounts = await Promise.all(Array.from({ length: 10 }, (_, i) => createAccount(database.prisma, `P${i}`)));
  await database.prisma.membership.createMany({ data: accounts.map((a) => ({ manuscriptId: id, userId: a.userId, role: 'editor' })) });
  const ours = await startSyncProcess(database.url, { env: { SYNC_MAX_MESSAGES_PER_SECOND: '100000' } });
  const stock = await startStockServer();
  const results: Record<string, number> = {};
  try {
    for (const count of [2, 10, 50]) {
      const tokens = await Promise.all(Array.from({ length: count }, (_, i) => signSyncToken(accounts[i % accounts.length].userId, id)));
      const baseline = await measure(`ws://127.0.0.1:${stock.port}`, `bench-${count}`, tokens.map(() => null));
      const quire = await measure(`ws://127.0.0.1:${ours.port}`, id, tokens);
      Object.assign(results, percentiles(quire, `writers${count}Ms`), percentiles(baseline, `writers${count}BaselineMs`));
      results[`writers${count}P99Ratio`] = Math.round((results[`writers${count}MsP99`] / results[`writers${count}BaselineMsP99`]) * 100) / 100;
    }
  } finally {
    await ours.kill('SIGTERM');
    stock.child.kill('SIGTERM');
    await database.cleanup();
  }
  return results;
}

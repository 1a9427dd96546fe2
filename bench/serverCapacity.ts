import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { signSyncToken } from '../server/access/syncToken';
import { manuscriptCreator } from '../server/manuscripts/manuscriptCreator';
import { newManuscript } from '../server/manuscripts/newManuscript';
import { createTempDatabase, type TempDatabase } from '../tests/support/tempDatabase';
import { createAccount } from '../tests/support/members';
import { startSyncProcess, type SyncProcess } from '../tests/support/syncProcess';
import { killWithThisProcess } from '../tests/support/killWithThisProcess';
import { benchQuick, sized } from './benchQuick';
import type { ClientSpec, FromClients, ToClients } from './capacityClients';

/** The latency a step must keep its p99 within to count as held. */
const P99_LIMIT_MS = 50;

/**
 * Writers in one chapter's room, step by step, up to a cap far past what the clients' one core
 * can apply (every writer receives every other's keystrokes). CAPACITY_ROOM_STEPS (JSON) replaces
 * the list, to look at a few counts closely.
 */
const ROOM_STEPS = steps('CAPACITY_ROOM_STEPS', [10, 25, 50, 75, 100, 150, 200, 300, 400], [2, 4]);
/** A writer's keystrokes come every 200–300 ms (random each time): brisk, steady typing. */
const TYPING_MS: [number, number] = [200, 300];
const ROOM_WARM_UP_MS = sized(3_000, 500);
const ROOM_MEASURE_MS = sized(10_000, 1_000);

/**
 * The published figure this part is set beside: Hocuspocus behind Casual Sheets (v0.2.1), 1,500
 * clients in 500 rooms, three to a room, one writing and two reading, 350 updates a second in
 * all for 30 s: p99 3.2 ms on one process.
 */
const PUBLISHED = { rooms: 500, clientsPerRoom: 3, updatesPerSecond: 350, p99Ms: 3.2 };
/** Rooms on the one server, step by step; the first is the published shape. CAPACITY_SERVER_STEPS (JSON) replaces the list. */
const SERVER_STEPS = steps('CAPACITY_SERVER_STEPS', [500, 1000, 1500, 2000, 3000], [3, 6]);
/**
 * Each room's writer keeps the published pace, 350 updates a second over 500 rooms: one every
 * 1.43 s on average, drawn from 1.0–1.86 s, so more rooms bring proportionally more updates.
 */
const ROOM_PACE_MS: [number, number] = [1_000, ((2 * PUBLISHED.rooms) / PUBLISHED.updatesPerSecond) * 1000 - 1_000];
/**
 * The rooms are chapters, ten to a manuscript (the server keeps each manuscript's book loaded
 * beside its open chapters, as in service); an account holds ten connections to a manuscript,
 * half the per-account limit.
 */
const ROOMS_PER_MANUSCRIPT = 10;
const SERVER_WARM_UP_MS = sized(3_000, 500);
const SERVER_MEASURE_MS = sized(20_000, 1_000);

/**
 * The server's default SYNC_MAX_CONNECTIONS_PER_ACCOUNT (connections one account may hold to one
 * manuscript) is left as it is: the room's writers are spread over enough accounts that none holds
 * more than half of it, so a client's reconnect never finds its account at the limit.
 */
const WRITERS_PER_ACCOUNT = 10;

/** CAPACITY_SERVER_ENV (JSON) adds to the sync server's environment, e.g. NODE_OPTIONS to profile it (see docs/PERFORMANCE.md). */
const SERVER_ENV = JSON.parse(process.env.CAPACITY_SERVER_ENV ?? '{}') as Record<string, string>;

/**
 * How many writers one room and how many rooms one server hold before the p99 propagation
 * latency passes 50 ms, with Quire's sync server in its own process (SQLite, authenticated
 * connections, every setting at its default) and stock y-websocket clients in another (pinned to
 * one core, so they can never take both from the server; see bench/capacityClients.ts):
 *
 * - one room: writers in one chapter's room (`/<manuscriptId>/<sectionId>`), each typing at the
 *   end of its own paragraph, a keystroke every 200–300 ms; 10, 25, 50… writers until a step's
 *   p99 passes 50 ms (or 400). Propagation is timed from the keystroke until each other client of
 *   the room has it in its document.
 * - one server: the published Hocuspocus shape, 500 rooms (the chapters of 50 manuscripts) of
 *   three clients, one writing, 350 updates a second in all; then 1,000, 1,500, 2,000 and 3,000
 *   rooms at the same pace per room, until a step's p99 passes 50 ms. Clients already connected
 *   stay for the next step.
 *
 * Each step also reports the CPU the server and the clients' process used (in cores), so a
 * limit can be told apart from the clients' own.
 */
export async function measureServerCapacity(): Promise<Record<string, number>> {
  const database = await createTempDatabase();
  try {
    return { ...(await oneRoom(database)), ...(await oneServer(database)) };
  } finally {
    await database.cleanup();
  }
}

/** The steps of a ramp: from the environment variable `name` (a JSON list of counts), else `full`, or `quick` under BENCH_QUICK=1. */
function steps(name: string, full: number[], quick: number[]): number[] {
  const given = process.env[name];
  if (!given) return benchQuick() ? quick : full;
  const list = JSON.parse(given) as unknown;
  if (!Array.isArray(list) || list.length === 0 || !list.every((n, i) => Number.isInteger(n) && n > (i === 0 ? 0 : list[i - 1]))) {
    throw new Error(`${name} must be a JSON list of rising whole numbers, got ${given}`);
  }
  return list as number[];
}

/** What one step of a ramp measured. */
interface Step {
  latencies: Record<string, number>;
  /** The p99, or with too few samples for one (a quick run) the maximum. */
  tail: number;
  serverCores: number;
  clientCores: number;
  missing: number;
  disconnects: number;
}

async function oneRoom(database: TempDatabase): Promise<Record<string, number>> {
  const { prisma } = database;
  const cap = ROOM_STEPS[ROOM_STEPS.length - 1];
  const owner = await createAccount(prisma, 'Owner');
  const manuscript = newManuscript('One room');
  const chapter = manuscript.sections.find((section) => section.kind === 'chapter')!;
  chapter.content = chapterWith('One room', cap);
  const id = await manuscriptCreator(prisma, manuscript, { ownerId: owner.userId, layout: 'sections' });
  const accounts = await Promise.all(Array.from({ length: Math.ceil(cap / WRITERS_PER_ACCOUNT) }, (_, i) => createAccount(prisma, `Writer${i}`)));
  await prisma.membership.createMany({ data: accounts.map((a) => ({ manuscriptId: id, userId: a.userId, role: 'editor' })) });
  const tokens = await Promise.all(accounts.map((a) => signSyncToken(a.userId, id)));
  const results: Record<string, number> = {};
  const server = await startSyncProcess(database.url, { env: SERVER_ENV });
  const clients = startClients();
  let held = 0;
  let missing = 0;
  let disconnects = 0;
  try {
    let connected = 0;
    for (const count of ROOM_STEPS) {
      const joining = Array.from({ length: count - connected }, (_, k): ClientSpec => {
        const i = connected + k;
        return { room: `${id}/${chapter.id}`, token: tokens[i % tokens.length], paragraph: i, writes: true };
      });
      await clients.ask({ type: 'connect', url: `ws://127.0.0.1:${server.port}`, clients: joining });
      connected = count;
      const step = await measureStep(clients, server, ROOM_WARM_UP_MS, ROOM_MEASURE_MS, TYPING_MS);
      results[`roomP50MsAt${count}`] = step.latencies.msP50;
      if (step.latencies.msP99 !== undefined) results[`roomP99MsAt${count}`] = step.latencies.msP99;
      results[`roomServerCpuAt${count}`] = step.serverCores;
      results[`roomClientsCpuAt${count}`] = step.clientCores;
      missing += step.missing;
      disconnects += step.disconnects;
      if (step.tail > P99_LIMIT_MS) break;
      held = count;
    }
  } finally {
    await clients.stop();
    await stopServer(server);
  }
  return { roomWritersAtP99Under50ms: held, ...results, roomMissing: missing, roomDisconnects: disconnects };
}

async function oneServer(database: TempDatabase): Promise<Record<string, number>> {
  const { prisma } = database;
  const cap = SERVER_STEPS[SERVER_STEPS.length - 1];
  const owner = await createAccount(prisma, 'Owner');
  // Three accounts, one per client of a room, each a member of every manuscript: ten connections
  // to each manuscript at most, half the per-account limit.
  const members = await Promise.all(Array.from({ length: PUBLISHED.clientsPerRoom }, (_, i) => createAccount(prisma, `Member${i}`)));
  const rooms: Array<{ room: string; tokens: string[] }> = [];
  for (let m = 0; m * ROOMS_PER_MANUSCRIPT < cap; m++) {
    const manuscript: ManuscriptJson = {
      title: `Book ${m + 1}`,
      sections: Array.from({ length: Math.min(ROOMS_PER_MANUSCRIPT, cap - m * ROOMS_PER_MANUSCRIPT) }, (_, c) => ({
        id: `chapter${c + 1}`,
        kind: 'chapter' as const,
        content: chapterWith(`Chapter ${c + 1}`, 1),
      })),
    };
    const id = await manuscriptCreator(prisma, manuscript, { ownerId: owner.userId, layout: 'sections' });
    await prisma.membership.createMany({ data: members.map((a) => ({ manuscriptId: id, userId: a.userId, role: 'editor' })) });
    const tokens = await Promise.all(members.map((a) => signSyncToken(a.userId, id)));
    for (const section of manuscript.sections) rooms.push({ room: `${id}/${section.id}`, tokens });
  }
  const results: Record<string, number> = {};
  const server = await startSyncProcess(database.url, { env: SERVER_ENV });
  const clients = startClients();
  let held = 0;
  let missing = 0;
  let disconnects = 0;
  try {
    let connected = 0;
    for (const count of SERVER_STEPS) {
      const joining = rooms.slice(connected, count).flatMap(({ room, tokens }) => tokens.map((token, k): ClientSpec => ({ room, token, paragraph: 0, writes: k === 0 })));
      await clients.ask({ type: 'connect', url: `ws://127.0.0.1:${server.port}`, clients: joining });
      connected = count;
      const step = await measureStep(clients, server, SERVER_WARM_UP_MS, SERVER_MEASURE_MS, ROOM_PACE_MS);
      if (count === SERVER_STEPS[0]) {
        results.server1500ClientsP50Ms = step.latencies.msP50;
        if (step.latencies.msP99 !== undefined) results.server1500ClientsP99Ms = step.latencies.msP99;
        results.server1500ClientsPublishedP99Ms = PUBLISHED.p99Ms;
      }
      results[`serverP50MsAt${count}Rooms`] = step.latencies.msP50;
      if (step.latencies.msP99 !== undefined) results[`serverP99MsAt${count}Rooms`] = step.latencies.msP99;
      results[`serverCpuAt${count}Rooms`] = step.serverCores;
      results[`serverClientsCpuAt${count}Rooms`] = step.clientCores;
      missing += step.missing;
      disconnects += step.disconnects;
      if (step.tail > P99_LIMIT_MS) break;
      held = count;
    }
  } finally {
    await clients.stop();
    await stopServer(server);
  }
  return { serverRoomsAtP99Under50ms: held, ...results, serverMissing: missing, serverDisconnects: disconnects };
}

/**
 * Nothing typed in these rooms is of further use, so the server is not made to store it all
 * before it exits; only a server being profiled is stopped gently, as its profile is written on exit.
 */
async function stopServer(server: SyncProcess): Promise<void> {
  if (Object.keys(SERVER_ENV).length === 0) return server.kill('SIGKILL');
  // Storing thousands of rooms may take longer than kill() waits: the profile is written all the same.
  await server.kill('SIGTERM').catch(() => server.kill('SIGKILL'));
}

/** A chapter's content: its title and `paragraphs` short paragraphs, one for each writer to type at the end of. */
function chapterWith(title: string, paragraphs: number): JSONContent {
  return {
    type: 'doc',
    content: [
      {
        type: 'chapter',
        content: [
          { type: 'chapterTitle', content: [{ type: 'text', text: title }] },
          ...Array.from({ length: paragraphs }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Paragraph ${i + 1}. ` }] })),
        ],
      },
    ],
  };
}

/** One ramp step: the clients type, and the server's CPU time is read as the measured window opens and closes. */
async function measureStep(clients: Clients, server: SyncProcess, warmUpMs: number, measureMs: number, keystrokeMs: [number, number]): Promise<Step> {
  let opened = { cpu: 0, at: 0 };
  let serverCores = NaN;
  const ran = await clients.ask({ type: 'run', warmUpMs, measureMs, keystrokeMs }, (phase) => {
    const reading = { cpu: cpuSeconds(server.child.pid!), at: performance.now() };
    if (phase === 'open') opened = reading;
    else serverCores = Math.round(((reading.cpu - opened.cpu) / ((reading.at - opened.at) / 1000)) * 100) / 100;
  });
  if (ran.type !== 'ran') throw new Error(`the clients answered ${ran.type} to a run`);
  return {
    latencies: ran.latencies,
    tail: ran.latencies.msP99 ?? ran.latencies.msMax,
    serverCores,
    clientCores: ran.cpuCores,
    missing: ran.missing,
    disconnects: ran.disconnects,
  };
}

/** User and system CPU time a process has used, every thread included (Linux's /proc; USER_HZ is 100 there). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: state is the first, utime the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** The clients' process (bench/capacityClients.ts). */
interface Clients {
  /** Sends a command and resolves with its answer; `onWindow` hears the measured window open and close. */
  ask(message: ToClients, onWindow?: (phase: 'open' | 'close') => void): Promise<FromClients>;
  /** Disconnects every client and waits for the process to exit. */
  stop(): Promise<void>;
}

/**
 * Starts the clients' process, pinned with taskset to the last core where there is more than one:
 * the sync server (its main thread and its storage thread) may use every core, the clients never
 * more than one of them.
 */
function startClients(): Clients {
  const node = [process.execPath, '--import', 'tsx', path.join(process.cwd(), 'bench', 'capacityClients.ts')];
  const cores = os.cpus().length;
  const pin = cores > 1 && spawnSync('taskset', ['--version']).status === 0;
  const [command, ...args] = pin ? ['taskset', '-c', String(cores - 1), ...node] : node;
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  killWithThisProcess(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    ask(message, onWindow) {
      return new Promise((resolve, reject) => {
        const onMessage = (answer: FromClients) => {
          if (answer.type === 'window') return onWindow?.(answer.phase);
          child.off('message', onMessage);
          child.off('exit', onExit);
          if (answer.type === 'error') reject(new Error(`the clients' process failed: ${answer.message}`));
          else resolve(answer);
        };
        const onExit = (code: number | null, signal: NodeJS.Signals | null) => reject(new Error(`the clients' process exited (${signal ?? code}) during ${message.type}`));
        child.on('message', onMessage);
        child.once('exit', onExit);
        child.send(message);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ type: 'stop' } satisfies ToClients);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

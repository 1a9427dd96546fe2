import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { DocumentStore } from '../persistence/DocumentStore';
import { Connection } from './Connection';
import { SyncSocket } from './SyncSocket';
import type { SyncAccess, SyncAccessControl } from '../access/syncAccess';
import type { RoomRevisions } from './Room';
import { RoomRegistry } from './RoomRegistry';
import type { RoomStorageOptions } from './RoomStorage';
import { summarizeDocument } from './summarizeManuscript';
import { parseRoomPath } from './roomPath';
import { MAIN_DOCUMENT } from '../persistence/DocumentStore';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';
import { sectionsMap } from '@model/manuscript/manuscriptLayout';
import type { Room } from './Room';
import { log } from './log';
import { RedisLink } from './redis/RedisLink';
import type { RoomSharing } from './Room';

/** Settings of a sync server; every field has a default suited to production. */
export interface SyncServerOptions {
  store: DocumentStore;
  /** Who may connect to which manuscript, with which role. */
  access: SyncAccessControl;
  /** How often live connections' roles are checked against the database (ms). */
  accessRecheckMs?: number;
  /** Updates that would take a manuscript past this encoded size are refused (bytes). */
  maxDocumentBytes?: number;
  /** Sustained document messages per second one connection may send. */
  maxMessagesPerSecond?: number;
  /** Sustained awareness (presence) messages per second one connection may send; more are dropped. */
  maxAwarenessPerSecond?: number;
  /** Open connections one account may have to one manuscript (tabs, devices); more are refused with 429. */
  maxConnectionsPerAccount?: number;
  /** Automatic revisions: when, and how they are recorded. Without it, rooms make none. */
  revisions?: RoomRevisions;
  /** Port to listen on; 0 picks a free one (tests). */
  port?: number;
  host?: string;
  /** How long a room with no members stays loaded (ms). */
  gracePeriodMs?: number;
  /**
   * How often every connection is pinged (ms, default 30 s). A connection that has not answered
   * the previous ping by the next one is terminated and its presence withdrawn.
   */
  heartbeatMs?: number;
  /** Largest websocket message accepted, in bytes (default: the maximum document size plus 1 MiB). */
  maxMessageBytes?: number;
  storage?: Partial<Omit<RoomStorageOptions, 'summarize'>>;
  /**
   * Joins the other sync servers on the same Redis (`REDIS_URL`): rooms are shared through its
   * streams and one server at a time stores each room. Without it, this server is alone.
   */
  redis?: { url: string; lockTtlMs?: number; keepStoredMs?: number };
  /**
   * What `GET /health` checks besides storage, by name (the database, say); each rejects while its
   * part is unreachable, which turns the answer into a 503. Redis, when set, is checked too.
   */
  healthChecks?: Record<string, () => Promise<void>>;
}

/** A running sync server. */
export interface SyncServer {
  port: number;
  registry: RoomRegistry;
  /** Stops accepting connections, closes the open ones and stores every room. */
  close(): Promise<void>;
}

/**
 * How long an upgrade for a section the book does not list yet waits for it (ms): a co-writer who
 * adds a chapter opens its room at once, and the book's update may arrive a moment later.
 */
const NEW_SECTION_WAIT_MS = 3000;

/**
 * Starts the sync server: a y-websocket endpoint with one room per document of a manuscript,
 * `ws://host:port/<manuscriptId>` for the book (or, in the older layout, the whole manuscript) and
 * `ws://host:port/<manuscriptId>/<sectionId>` for one section, and `GET /health` for operators. Every upgrade is authenticated (sync token or
 * session cookie from the app's own origin) and authorized for its room before any document data
 * is sent; refusals answer 401, 403 or 404 at the upgrade (429 past the connections one account
 * may have open to one manuscript). The room is loaded from storage before the websocket handshake
 * completes, so no client ever sees, or can store over, a half-loaded document.
 */
export async function createSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const link = options.redis ? new RedisLink(options.redis.url) : null;
  const sharing: RoomSharing | undefined = link
    ? { link, options: { lockTtlMs: options.redis?.lockTtlMs ?? 10_000, keepStoredMs: options.redis?.keepStoredMs ?? 60_000, presenceWindowMs: 50 } }
    : undefined;
  const healthChecks = { ...options.healthChecks, ...(link ? { redis: () => link.ping() } : {}) };
  const registry = new RoomRegistry(
    options.store,
    {
      flushWindowMs: options.storage?.flushWindowMs ?? 500,
      compactAfterEntries: options.storage?.compactAfterEntries ?? 200,
      retryDelayMs: options.storage?.retryDelayMs ?? 250,
      summarize: summarizeDocument,
    },
    options.gracePeriodMs ?? 10_000,
    options.revisions,
    sharing,
  );
  const connections = new Set<Connection>();
  const maxConnectionsPerAccount = options.maxConnectionsPerAccount ?? 20;
  const connectionsOf = (userId: string, manuscriptId: string) =>
    [...connections].filter((connection) => connection.userId === userId && connection.manuscriptId === manuscriptId).length;
  const limits = {
    maxDocumentBytes: options.maxDocumentBytes ?? 64 * 1024 * 1024,
    maxMessagesPerSecond: options.maxMessagesPerSecond ?? 200,
    maxAwarenessPerSecond: options.maxAwarenessPerSecond ?? 120,
  };

  /**
   * Authorizes first, so a stranger can neither load a room nor learn whether it exists. A
   * section's room opens only for a section its book lists (404 otherwise, like a manuscript
   * that does not exist), and only in the per-section layout.
   */
  async function admit(manuscriptId: string, sectionId: string | null, request: http.IncomingMessage): Promise<{ room: Room; access: SyncAccess } | { status: 401 | 403 | 404 }> {
    const access = await options.access.authorize(request, manuscriptId);
    if ('status' in access) return access;
    const layout = await options.store.layoutOf(manuscriptId);
    if (!layout) return { status: 404 };
    if (layout === 'one-document') {
      if (sectionId !== null) return { status: 404 };
      const room = await registry.open(manuscriptId, MAIN_DOCUMENT);
      return room ? { room, access } : { status: 404 };
    }
    const book = await registry.open(manuscriptId, BOOK_DOCUMENT);
    if (!book) return { status: 404 };
    if (sectionId === null) return { room: book, access };
    if (sectionId === BOOK_DOCUMENT || !(await bookLists(book, sectionId))) {
      registry.released(book);
      return { status: 404 };
    }
    const room = await registry.openSection(book, sectionId);
    registry.released(book);
    return room ? { room, access } : { status: 404 };
  }

  /** Applies role changes and removals to open connections. */
  async function recheckAccess(): Promise<void> {
    const byRoom = new Map<string, Connection[]>();
    for (const connection of connections) {
      const list = byRoom.get(connection.manuscriptId) ?? [];
      list.push(connection);
      byRoom.set(connection.manuscriptId, list);
    }
    for (const [manuscriptId, members] of byRoom) {
      const roles = await options.access.rolesIn(manuscriptId);
      for (const connection of members) connection.applyRole(roles.get(connection.userId) ?? null);
    }
  }
  let rechecking = false;
  const accessTimer = setInterval(() => {
    if (rechecking) return;
    rechecking = true;
    recheckAccess()
      .catch((error: Error) => log.error('could not re-check access', { error: error.message }))
      .finally(() => (rechecking = false));
  }, options.accessRecheckMs ?? 2000);
  accessTimer.unref();
  // One message may be as large as the document may grow (a novel pasted in one go): the document
  // limit is what protects the server.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? limits.maxDocumentBytes + 1024 * 1024,
    WebSocket: SyncSocket,
  });

  const server = http.createServer((request, response) => {
    if (request.url === '/health') {
      void health(registry, connections.size, healthChecks).then((body) => {
        response.writeHead(body.ok ? 200 : 503, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Quire sync server: connect with a websocket to /<manuscriptId> or /<manuscriptId>/<sectionId>\n');
  });

  server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const address = parseRoomPath(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!address) return refuse(socket, 400, 'Bad Request');
    const { manuscriptId } = address;
    admit(manuscriptId, address.sectionId, request).then(
      (admitted) => {
        if ('status' in admitted) return refuse(socket, admitted.status, STATUS_TEXT[admitted.status]);
        const { room, access } = admitted;
        if (socket.destroyed) return registry.released(room);
        if (connectionsOf(access.userId, manuscriptId) >= maxConnectionsPerAccount) {
          registry.released(room);
          return refuse(socket, 429, STATUS_TEXT[429]);
        }
        wss.handleUpgrade(request, socket, head, (ws) => {
          const connection = new Connection(ws, room, access, limits, (closed) => {
            connections.delete(closed);
            registry.released(room);
          });
          connections.add(connection);
        });
      },
      (error: Error) => {
        log.error('could not load manuscript', { manuscriptId, error: error.message });
        refuse(socket, 503, 'Service Unavailable');
      },
    );
  });

  const heartbeat = setInterval(() => {
    for (const connection of connections) connection.heartbeat();
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  await new Promise<void>((resolve) => server.listen(options.port ?? 1234, options.host ?? '0.0.0.0', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    registry,
    async close() {
      clearInterval(heartbeat);
      clearInterval(accessTimer);
      server.close();
      for (const connection of connections) connection.close(1001, 'server shutting down');
      await registry.closeAll();
      await link?.close();
      wss.close();
    },
  };
}

/** Whether the book lists the section, waiting briefly for a section that was just added. */
function bookLists(book: Room, sectionId: string): Promise<boolean> {
  const sections = sectionsMap(book.doc);
  if (sections.has(sectionId)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const observer = () => {
      if (!sections.has(sectionId)) return;
      finish(true);
    };
    const timer = setTimeout(() => finish(false), NEW_SECTION_WAIT_MS);
    const finish = (listed: boolean) => {
      clearTimeout(timer);
      sections.unobserve(observer);
      resolve(listed);
    };
    sections.observe(observer);
  });
}

const STATUS_TEXT = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests' } as const;

function refuse(socket: Duplex, status: number, text: string): void {
  if (!socket.destroyed) socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

async function health(registry: RoomRegistry, connectionCount: number, checks: Record<string, () => Promise<void>>) {
  const rooms = await registry.loadedRooms();
  const failing = rooms.filter((room) => room.storage.lastError);
  const parts = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await check();
        return [name, { ok: true }] as const;
      } catch (error) {
        return [name, { ok: false, error: (error as Error).message }] as const;
      }
    }),
  );
  const memory = process.memoryUsage();
  return {
    ok: failing.length === 0 && parts.every(([, part]) => part.ok),
    checks: Object.fromEntries(parts),
    rooms: rooms.length,
    connections: connectionCount,
    memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
    storageErrors: failing.map((room) => ({ manuscriptId: room.manuscriptId, docName: room.docName, error: room.storage.lastError!.message })),
  };
}

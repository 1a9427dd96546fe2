import WebSocket from 'ws';
import { stopWhenDone, type TestScope } from './testScope';
import { withTimeout } from './withTimeout';

/**
 * Opens a raw websocket to `url`, sends `message` once it is open, and resolves with the close
 * code the server answers with; fails, naming `what`, if the server has not closed it within 10 s.
 * The socket is terminated when `scope` ends.
 */
export function sendAndAwaitClose(scope: TestScope, url: string, message: Uint8Array | string, what: string): Promise<number> {
  const ws = new WebSocket(url);
  stopWhenDone(scope, 'a raw websocket', () => ws.terminate());
  const closed = new Promise<number>((resolve, reject) => {
    ws.on('open', () => ws.send(message));
    ws.on('close', (closeCode) => resolve(closeCode));
    ws.on('error', reject);
  });
  return withTimeout(closed, 10_000, `the server did not close the connection that sent ${what}`);
}

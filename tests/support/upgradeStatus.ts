import WebSocket from 'ws';
import { withTimeout } from './withTimeout';

const ANSWER_TIMEOUT_MS = 10_000;

/**
 * Attempts a websocket upgrade and resolves with the HTTP status the server answered (101 when
 * the upgrade was accepted), closing any opened socket at once; fails if the server has not
 * answered within 10 s.
 */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  const ws = new WebSocket(url, { headers });
  const answered = new Promise<number>((resolve, reject) => {
    ws.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', (error) => reject(error));
  });
  return withTimeout(answered, ANSWER_TIMEOUT_MS, `the server did not answer the websocket upgrade to ${url}`).catch((error: unknown) => {
    ws.terminate();
    throw error;
  });
}

import { WebSocket } from 'ws';
import { CloseCode } from '@model/protocol/closeCode';

/** ws's close code for a message over `maxPayload`. */
const MESSAGE_TOO_BIG = 1009;

/**
 * The server's websocket class. ws closes a message over the size limit with 1009, which stock
 * y-websocket clients treat as a passing failure: they reconnect, resend the same update, and are
 * closed again, forever. Here that close becomes 4413 (permanent for y-websocket) with a reason,
 * so the client is told once and stops.
 */
export class SyncSocket extends WebSocket {
  override close(code?: number, reason?: string | Buffer): void {
    if (code === MESSAGE_TOO_BIG) super.close(CloseCode.documentTooLarge, 'this change is larger than the server accepts in one message');
    else super.close(code, reason);
  }
}

import type { StockClient } from './stockClient';
import { withTimeout } from './withTimeout';

/** Storage windows in tests are 50-100 ms; a database refusing writes is retried every 50 ms. */
const ACK_TIMEOUT_MS = 15_000;

/**
 * Asks the sync server to confirm that everything this client sent is stored (Quire's message
 * type 100) and resolves when it does; fails, naming the ticket, if no confirmation comes within
 * 15 s. Tickets are single bytes (below 128).
 */
export function storedAck(client: StockClient, ticket: number): Promise<void> {
  const confirmed = new Promise<void>((resolve) => {
    client.provider.messageHandlers[100] = (_encoder, decoder) => {
      if (Number(decoder.arr[decoder.pos]) === ticket) resolve();
    };
    client.provider.ws!.send(new Uint8Array([100, ticket]));
  });
  return withTimeout(confirmed, ACK_TIMEOUT_MS, `the sync server did not confirm ticket ${ticket} as stored`);
}

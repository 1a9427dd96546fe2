import type { StockClient } from './stockClient';

/**
 * Asks the sync server to confirm that everything this client sent is stored (Quire's message
 * type 100) and resolves when it does. Tickets are single bytes (below 128).
 */
export function storedAck(client: StockClient, ticket: number): Promise<void> {
  return new Promise((resolve) => {
    client.provider.messageHandlers[100] = (_encoder, decoder) => {
      if (Number(decoder.arr[decoder.pos]) === ticket) resolve();
    };
    client.provider.ws!.send(new Uint8Array([100, ticket]));
  });
}

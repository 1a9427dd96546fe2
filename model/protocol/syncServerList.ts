/**
 * Failing over between sync servers from the client: with several servers named (and no proxy in
 * front that does it), a client whose connection closes tries the next server in the list. Any
 * server serves any room once they share Redis, so where the client lands does not matter.
 */

/** Reads a comma-separated list of sync server URLs (`ws://a:1234,ws://b:1234`), trailing slashes dropped. */
export function parseSyncServers(value: string): string[] {
  return value
    .split(',')
    .map((url) => url.trim().replace(/\/+$/, ''))
    .filter((url) => url.length > 0);
}

/** The server after `current` in `servers`, wrapping round (the first if `current` is not listed). */
export function nextSyncServer(servers: readonly string[], current: string): string {
  if (servers.length === 0) throw new Error('no sync servers to choose from');
  const index = servers.indexOf(current);
  return servers[(index + 1) % servers.length];
}

/** What failing over needs of a y-websocket provider: where it connects, and its close event. */
export interface RetargetableProvider {
  serverUrl: string;
  on(event: 'connection-close', listener: () => void): void;
  off(event: 'connection-close', listener: () => void): void;
}

/**
 * Makes `provider` reconnect to the next server of `servers` each time its connection closes
 * (y-websocket reconnects to `serverUrl`, read afresh on every attempt). Returns a function that
 * stops it.
 */
export function failOverBetween(provider: RetargetableProvider, servers: readonly string[]): () => void {
  const onClose = () => {
    if (servers.length > 1) provider.serverUrl = nextSyncServer(servers, provider.serverUrl);
  };
  provider.on('connection-close', onClose);
  return () => provider.off('connection-close', onClose);
}

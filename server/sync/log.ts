/**
 * The sync server's logger: one JSON line per event on stderr, quiet in tests unless
 * QUIRE_LOG=debug. Operators can grep or ship these lines as they are.
 */
function write(level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void {
  const threshold = process.env.QUIRE_LOG ?? (process.env.NODE_ENV === 'test' ? 'error' : 'info');
  const order = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 } as Record<string, number>;
  if ((order[level] ?? 1) < (order[threshold] ?? 1)) return;
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
}

/** Structured log functions for the sync process. */
export const log = {
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
};

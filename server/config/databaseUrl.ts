import path from 'node:path';

/** Where the embedded SQLite database lives unless DATABASE_URL says otherwise. */
export const DEFAULT_SQLITE_PATH = path.join(/*turbopackIgnore: true*/ process.cwd(), '.data', 'quire.db');

/**
 * The database URL every process uses: DATABASE_URL if set, else the embedded SQLite file.
 * Relative `file:` URLs are resolved against the working directory so that Next.js, the sync
 * server and scripts all open the same file.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) return `file:${DEFAULT_SQLITE_PATH}`;
  if (url.startsWith('file:') && !url.startsWith('file:/')) {
    return `file:${path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.slice('file:'.length))}`;
  }
  return url;
}

/** Whether a database URL names a PostgreSQL server (`postgresql://` or `postgres://`). */
export function isPostgresqlUrl(url: string): boolean {
  return url.startsWith('postgresql:') || url.startsWith('postgres:');
}

/** How a PostgreSQL URL asks for its connection pool, and the URL left for the driver. */
export interface PostgresqlPoolSettings {
  /** The URL without the pool parameters, which are Prisma's names, not the driver's. */
  connectionString: string;
  /** Connections each process may open at once (`connection_limit`; node-postgres's 10 if absent). */
  max?: number;
  /**
   * How long a query waits for a free connection before failing, ms (`pool_timeout`, in seconds;
   * 0, and node-postgres's default when absent, waits as long as it takes).
   */
  connectionTimeoutMillis?: number;
}

/**
 * Reads Prisma's usual pool parameters, `connection_limit` and `pool_timeout`, from a PostgreSQL
 * URL. Through a driver adapter Prisma no longer reads them itself, so an operator's
 * `?connection_limit=40` would silently do nothing; here it sizes the pool. Throws on a value
 * that is not a whole number (or a limit of 0), rather than running with a pool nobody asked for.
 */
export function postgresqlPoolSettings(url: string): PostgresqlPoolSettings {
  const parsed = new URL(url);
  const take = (name: string, pattern: RegExp): number | undefined => {
    const raw = parsed.searchParams.get(name);
    if (raw === null) return undefined;
    parsed.searchParams.delete(name);
    if (!pattern.test(raw)) throw new Error(`DATABASE_URL: \`${name}\` must be a whole number${name === 'connection_limit' ? ' above 0' : ''}, not "${raw}".`);
    return Number(raw);
  };
  const max = take('connection_limit', /^[1-9][0-9]{0,4}$/);
  const timeoutSeconds = take('pool_timeout', /^[0-9]{1,5}$/);
  return {
    connectionString: parsed.toString(),
    ...(max !== undefined && { max }),
    ...(timeoutSeconds !== undefined && { connectionTimeoutMillis: timeoutSeconds * 1000 }),
  };
}

/** A database URL as safe to print or log: any password (in the URL or its parameters) masked. */
export function describeDatabaseUrl(url: string): string {
  if (!isPostgresqlUrl(url)) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const key of [...parsed.searchParams.keys()]) if (/password/i.test(key)) parsed.searchParams.set(key, '***');
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@').replace(/(password=)[^&]*/gi, '$1***');
  }
}

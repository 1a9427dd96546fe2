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

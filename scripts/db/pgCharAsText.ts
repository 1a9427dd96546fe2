import pg from 'pg';

/** PostgreSQL's one-byte `"char"` type (the catalogs' `relkind`, `contype`…) and `text`. */
const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryResult = { fields?: Array<{ dataTypeID: number }> };

function charAsText<T>(result: T): T {
  for (const field of (result as QueryResult | undefined)?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  return result;
}

/**
 * A pg client that reports `"char"` columns as text. The schema engine reads the catalogs'
 * `"char"` columns when it inspects a database, and Prisma's pg adapter has no mapping for that
 * type ("Column type 'char' could not be deserialized"); as text the values (one letter each) are
 * what the engine expects. Used for migrations only, never by the app's client.
 */
export class CharAsTextClient extends pg.Client {
  // pg's query has many overloads (promise or callback); the result is fixed on either path.
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => (last as (e: unknown, r: unknown) => void)(error, error ? result : charAsText(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    return (returned instanceof Promise ? returned.then(charAsText) : returned) as never;
  }
}

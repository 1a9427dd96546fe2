import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from '@prisma/driver-adapter-utils';

/** What every adapter call returns to the engine: the engine never sees a thrown exception. */
type EngineResult = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A driver adapter factory as the schema engine consumes it, plus what it takes to clean up. */
export interface AdapterBridge {
  /** The object to hand to `SchemaEngine.new`. */
  readonly engineFactory: object;
  /** JavaScript errors the engine could only see as opaque ids, oldest first. */
  readonly jsErrors: unknown[];
  /** Closes every connection the engine opened (the engine does not close them itself). */
  close(): Promise<void>;
}

/**
 * Wraps a migration-aware driver adapter factory (e.g. `new PrismaLibSql({ url })`) in the
 * result-returning shape the WebAssembly schema engine calls, and keeps track of connections.
 */
export function bridgeAdapterFactory(factory: SqlMigrationAwareDriverAdapterFactory): AdapterBridge {
  const jsErrors: unknown[] = [];
  const open = new Set<SqlDriverAdapter>();

  // Adapter errors carry a structured cause the engine understands (e.g. a SQLite error code);
  // anything else becomes an opaque id, and the original is kept for our own error message.
  const capture = <A extends unknown[]>(fn: (...args: A) => unknown) =>
    async (...args: A): Promise<EngineResult> => {
      try {
        return { ok: true, value: await fn(...args) };
      } catch (error) {
        if (isDriverAdapterError(error)) return { ok: false, error: error.cause };
        jsErrors.push(error);
        return { ok: false, error: { kind: 'GenericJs', id: jsErrors.length - 1 } };
      }
    };

  const bridgeTransaction = (tx: Transaction) => ({
    adapterName: tx.adapterName,
    provider: tx.provider,
    options: tx.options,
    queryRaw: capture(tx.queryRaw.bind(tx)),
    executeRaw: capture(tx.executeRaw.bind(tx)),
    commit: capture(tx.commit.bind(tx)),
    rollback: capture(tx.rollback.bind(tx)),
    ...(tx.createSavepoint && { createSavepoint: capture(tx.createSavepoint.bind(tx)) }),
    ...(tx.rollbackToSavepoint && { rollbackToSavepoint: capture(tx.rollbackToSavepoint.bind(tx)) }),
    ...(tx.releaseSavepoint && { releaseSavepoint: capture(tx.releaseSavepoint.bind(tx)) }),
  });

  const bridgeAdapter = (adapter: SqlDriverAdapter, shadow: boolean) => {
    open.add(adapter);
    return {
      adapterName: adapter.adapterName,
      provider: adapter.provider,
      queryRaw: capture(adapter.queryRaw.bind(adapter)),
      // The engine replays whole migration scripts on the shadow database through executeRaw,
      // but SQLite drivers run one statement per execute, so such calls are run as scripts.
      executeRaw: capture((query: Parameters<SqlDriverAdapter['executeRaw']>[0]) =>
        shadow && query.args.length === 0
          ? adapter.executeScript(query.sql).then(() => 0)
          : adapter.executeRaw(query),
      ),
      executeScript: capture(adapter.executeScript.bind(adapter)),
      startTransaction: capture(async (...args: Parameters<SqlDriverAdapter['startTransaction']>) =>
        bridgeTransaction(await adapter.startTransaction(...args)),
      ),
      dispose: capture(async () => {
        open.delete(adapter);
        await adapter.dispose();
      }),
      ...(adapter.getConnectionInfo && { getConnectionInfo: captureSync(adapter.getConnectionInfo.bind(adapter)) }),
    };
  };

  const engineFactory = {
    adapterName: factory.adapterName,
    provider: factory.provider,
    connect: capture(async () => bridgeAdapter(await factory.connect(), false)),
    connectToShadowDb: capture(async () => bridgeAdapter(await factory.connectToShadowDb(), true)),
  };

  return {
    engineFactory,
    jsErrors,
    async close() {
      const adapters = [...open];
      open.clear();
      await Promise.allSettled(adapters.map((adapter) => adapter.dispose()));
    },
  };
}

/** Driver adapters throw `DriverAdapterError` with a structured cause; matched by name, not class. */
function isDriverAdapterError(error: unknown): error is Error & { cause: object } {
  return error instanceof Error && error.name === 'DriverAdapterError' && typeof error.cause === 'object';
}

function captureSync<T>(fn: () => T) {
  return (): EngineResult => {
    try {
      return { ok: true, value: fn() };
    } catch (error) {
      if (isDriverAdapterError(error)) return { ok: false, error: error.cause };
      throw error;
    }
  };
}

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The wasm-bindgen glue module of @prisma/schema-engine-wasm, once its WebAssembly is attached. */
export type SchemaEngineModule = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

let loading: Promise<SchemaEngineModule> | undefined;

/**
 * Loads Prisma's schema engine compiled to WebAssembly (the same engine the Prisma CLI would
 * download as a native binary, which this machine cannot do). Loaded once per process.
 */
export function loadSchemaEngine(): Promise<SchemaEngineModule> {
  loading ??= instantiate();
  return loading;
}

async function instantiate(): Promise<SchemaEngineModule> {
  // The package's entry point imports the .wasm file as an ES module, which Node 20 cannot do
  // without a flag, so the glue module is loaded directly and the WebAssembly attached by hand.
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const glue: SchemaEngineModule = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': withUnrefTimers(glue) });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/**
 * The engine arms 60 s timers for some operations (evaluateDataLoss, for one) and never clears
 * them, which would keep a finished CLI run alive for a minute. Its timers guard only its own
 * work, so they are unref'd: they still fire if the process is running anyway.
 */
function withUnrefTimers(glue: SchemaEngineModule): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...glue } as WebAssembly.ModuleImports;
  for (const [name, value] of Object.entries(glue)) {
    if (name.startsWith('__wbg_setTimeout_') && typeof value === 'function') {
      imports[name] = (...args: unknown[]): unknown => {
        const timer = (value as (...args: unknown[]) => unknown)(...args);
        (timer as Partial<NodeJS.Timeout>)?.unref?.();
        return timer;
      };
    }
  }
  return imports;
}

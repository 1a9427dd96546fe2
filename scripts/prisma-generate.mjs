// Runs `prisma generate` without the native schema engine, which the Prisma CLI would otherwise
// try to download. Generating the client never executes the engine; pointing the CLI at a stub
// that fails loudly keeps that true. Migrations use the WebAssembly engine (scripts/db/).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stub = path.join(root, 'scripts', 'prisma-engine-stub.sh');
const cli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');

const result = spawnSync(process.execPath, [cli, 'generate', '--config', path.join(root, 'prisma', 'prisma.config.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);

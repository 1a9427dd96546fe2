// Runs `prisma generate` without the native schema engine, which the Prisma CLI would otherwise
// try to download. Generating the client never executes the engine; pointing the CLI at a stub
// that fails loudly keeps that true. Migrations use the WebAssembly engine (scripts/db/).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stub = path.join(root, 'scripts', 'prisma-engine-stub.sh');
const cli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');

// One client per provider (Prisma allows one provider per schema): SQLite's, the default, and
// PostgreSQL's, generated from the schema prisma/postgresql/schema.prisma (see scripts/db/postgresqlSchema.ts).
const schemas = [path.join(root, 'prisma', 'schema.prisma'), path.join(root, 'prisma', 'postgresql', 'schema.prisma')];
for (const schema of schemas) {
  const result = spawnSync(process.execPath, [cli, 'generate', '--config', path.join(root, 'prisma', 'prisma.config.ts'), '--schema', schema], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

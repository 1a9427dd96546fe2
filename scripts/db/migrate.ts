// Database migrations without the Prisma CLI's native engine (which cannot be downloaded here):
//   node --import tsx scripts/db/migrate.ts dev [--name NAME]   (npm run db:migrate -- --name NAME)
//   node --import tsx scripts/db/migrate.ts deploy              (npm run db:deploy)
// The database is DATABASE_URL, or the embedded SQLite file (server/config/databaseUrl.ts).
import { parseArgs } from 'node:util';
import { deployMigrations } from './deployMigrations';
import { migrateDev } from './migrateDev';

const USAGE = 'Usage: migrate.ts dev [--name NAME] | migrate.ts deploy';

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string', short: 'n' } },
  });
  const [command, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}".`);
  if (command === 'deploy') {
    if (values.name !== undefined) throw new UsageError('--name only applies to "dev".');
    await deployMigrations();
  } else if (command === 'dev') {
    const started = performance.now();
    const name = values.name?.trim();
    await migrateDev(name ? { name } : {});
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  } else {
    throw new UsageError(command ? `Unknown command "${command}".` : 'Missing command.');
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const parseError = (error as { code?: unknown } | null)?.code?.toString().startsWith('ERR_PARSE_ARGS_');
  if (error instanceof UsageError || parseError) {
    console.error(`${message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`Migration failed: ${message}`);
    process.exitCode = 1;
  }
});

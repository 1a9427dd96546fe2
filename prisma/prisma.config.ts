import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { databaseUrl } from '../server/config/databaseUrl';

const here = import.meta.dirname;

/** Prisma CLI configuration. Prisma 7 reads no .env by itself; the URL comes from server config. */
export default defineConfig({
  schema: path.join(here, 'schema.prisma'),
  migrations: { path: path.join(here, 'migrations') },
  datasource: { url: databaseUrl() },
});

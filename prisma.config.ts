import { defineConfig } from 'prisma/config';
import { databaseUrl } from './server/config/databaseUrl';

/** Prisma CLI configuration. Prisma 7 reads no .env by itself; the URL comes from server config. */
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: databaseUrl() },
});

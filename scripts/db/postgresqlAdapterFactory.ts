import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { parseIntoClientConfig } from 'pg-connection-string';
import { CharAsTextClient } from './pgCharAsText';

/**
 * The driver adapter factory the schema engine migrates a PostgreSQL database through: Prisma's
 * pg adapter, with two corrections for migrations. Catalog columns of type `"char"` are read as
 * text (see pgCharAsText.ts). And the shadow database (which the engine replays the migrations
 * into to compare) is created beside the target and dropped after its connections are closed:
 * the adapter's own shadow drops the database while its pool still holds a connection, which
 * PostgreSQL refuses, and, given a URL, connects to the target instead of the shadow (the URL's
 * database name overrides the one it sets).
 */
export function postgresqlAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  // allowExitOnIdle: a migration command exits when done, whatever the pool still keeps idle.
  const config = { ...parseIntoClientConfig(url), Client: CharAsTextClient, allowExitOnIdle: true };
  const target = new PrismaPg(config);
  return {
    provider: target.provider,
    adapterName: target.adapterName,
    connect: () => target.connect(),
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      const admin = await target.connect();
      let shadow;
      try {
        await admin.executeScript(`CREATE DATABASE "${name}"`);
        shadow = await new PrismaPg({ ...config, database: name }).connect();
      } catch (error) {
        // Nothing is left behind: neither the database (if it was made) nor the connection.
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
        await admin.dispose();
        throw error;
      }
      const close = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await close();
        try {
          await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await admin.dispose();
        }
      };
      return shadow;
    },
  };
}

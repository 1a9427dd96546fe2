/**
 * A second process writing to a SQLite database as fast as it can, as the sync server does beside
 * the app: run as `node --import tsx writeContinuously.ts <databaseUrl> <userId>`; it renames the
 * user over and over, prints "writing" after its first write, and stops when killed.
 */
import { createPrismaClient } from '../../server/db';

const [url, userId] = process.argv.slice(2);
const prisma = createPrismaClient(url);
for (let i = 0; ; i++) {
  await prisma.user.update({ where: { id: userId }, data: { name: `Renamed ${i}` } });
  if (i === 0) process.stdout.write('writing\n');
}

/**
 * `npm run --silent token -- <email> <manuscriptId> [--ttl <seconds>]`: prints a sync token that
 * lets that person's scripts and bots connect to the manuscript's sync room with a stock
 * y-websocket client (`?token=` on the websocket URL). The person must be a member; what they may
 * do is their role's, checked when the connection is made.
 */
import '../server/config/loadEnv';
import { createPrismaClient } from '../server/db';
import { roleIn } from '../server/access/roleIn';
import { SYNC_TOKEN_TTL_SECONDS, signSyncToken } from '../server/access/syncToken';

const args = process.argv.slice(2);
const ttlIndex = args.indexOf('--ttl');
const ttl = ttlIndex >= 0 ? Number(args.splice(ttlIndex, 2)[1]) : SYNC_TOKEN_TTL_SECONDS;
const [email, manuscriptId] = args;

if (!email || !manuscriptId || !Number.isInteger(ttl) || ttl <= 0) {
  console.error('usage: npm run --silent token -- <email> <manuscriptId> [--ttl <seconds>]');
  process.exit(2);
}

const prisma = createPrismaClient();
try {
  const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (!user) throw new Error(`No account with the email ${email}.`);
  const role = await roleIn(prisma, manuscriptId, user.id);
  if (!role) throw new Error(`${email} is not a member of manuscript "${manuscriptId}".`);
  process.stdout.write(`${await signSyncToken(user.id, manuscriptId, ttl)}\n`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}

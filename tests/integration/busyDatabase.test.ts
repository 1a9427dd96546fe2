import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createPrismaClient } from '../../server/db';
import { isBusy, READ_THEN_WRITE, retryWhenBusy } from '../../server/persistence/retryWhenBusy';
import { invitationAccepter, invitationCreator } from '../../server/access/invitations';
import { createAccount, createOwnedManuscript } from '../support/members';
import { createTempDatabase } from '../support/tempDatabase';
import { fileScope } from '../support/testScope';
import { killWithThisProcess } from '../support/killWithThisProcess';
import { withTimeout } from '../support/withTimeout';

// The app and the sync server are two processes writing one SQLite file. A transaction that
// reads and then writes fails outright when the other process wrote in between (its snapshot is
// stale; waiting cannot help): these are real clients on a real file, interleaved on purpose.

test('a read-then-write transaction that another process overtook fails as busy, and is run again whole', async (t) => {
  const database = await createTempDatabase(fileScope(t));
  const otherProcess = createPrismaClient(database.url);
  t.after(() => otherProcess.$disconnect());
  const { userId } = await createAccount(database.prisma, 'Ada');

  let attempts = 0;
  let firstError: unknown = null;
  const renamed = await retryWhenBusy(async () => {
    attempts += 1;
    try {
      // As the app's read-then-write transactions run (serializable on PostgreSQL, where the
      // default would let the stale read win and lose the other process's write).
      return await database.prisma.$transaction(async (tx) => {
        const before = await tx.user.findUniqueOrThrow({ where: { id: userId } });
        if (attempts === 1) await otherProcess.user.update({ where: { id: userId }, data: { name: 'Ada (overtaken)' } });
        return tx.user.update({ where: { id: userId }, data: { name: `${before.name}, renamed` } });
      }, READ_THEN_WRITE);
    } catch (error) {
      firstError ??= error;
      throw error;
    }
  });

  assert.equal(attempts, 2, 'the overtaken transaction is run a second time');
  assert.ok(isBusy(firstError), `the driver's refusal is recognised as busy: ${String(firstError)}`);
  assert.equal(renamed.name, 'Ada (overtaken), renamed', 'the second run read what the other process wrote');
});

test('accepting an invitation while another process writes makes the member, exactly once', async (t) => {
  const database = await createTempDatabase(fileScope(t));
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Busy house');
  const { id: invitationId, token } = await invitationCreator(database.prisma, { manuscriptId: id, role: 'editor', createdById: owner.userId, expiresInDays: 1 });
  const guests = await Promise.all(Array.from({ length: 6 }, (_, i) => createAccount(database.prisma, `Guest ${i}`)));

  // A real second process writes continuously while six people accept at once.
  const writer = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'tests', 'support', 'writeContinuously.ts'), database.url, owner.userId], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  killWithThisProcess(writer);
  t.after(() => writer.kill('SIGKILL'));
  await withTimeout(once(writer.stdout, 'data'), 30_000, () => 'the writing process never started writing');

  const accepted = await Promise.all(guests.map((guest) => invitationAccepter(database.prisma, token, guest.userId)));
  assert.equal(writer.exitCode, null, 'the other process was still writing throughout');
  writer.kill('SIGKILL');

  assert.deepEqual(accepted, guests.map(() => id));
  const members = await database.prisma.membership.findMany({ where: { manuscriptId: id, role: 'editor' } });
  assert.equal(members.length, guests.length, 'every guest is an editor');
  const stored = await database.prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } });
  assert.equal(stored.acceptedCount, guests.length, 'each acceptance counted once');
});

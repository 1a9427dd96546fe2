import type { PrismaClient } from '../generated/prisma/client';
import { HttpError } from '../http/HttpError';
import { READ_THEN_WRITE, retryWhenBusy } from '../persistence/retryWhenBusy';
import type { Role } from '@model/access/roles';

/**
 * Changes a member's role, or removes them (role null). A manuscript always keeps at least one
 * owner, so the last owner can neither leave nor step down. Live connections pick the change up
 * within seconds (the sync server re-checks roles).
 */
export async function memberChanger(prisma: PrismaClient, manuscriptId: string, userId: string, role: Role | null): Promise<void> {
  // Reads then writes: retried whole if the sync server wrote in between (SQLite refuses the write).
  await retryWhenBusy(() => prisma.$transaction(async (tx) => {
    const member = await tx.membership.findUnique({ where: { manuscriptId_userId: { manuscriptId, userId } } });
    if (!member) throw new HttpError(404, 'That person is not a member of this manuscript.');
    if (member.role === 'owner' && role !== 'owner') {
      const owners = await tx.membership.count({ where: { manuscriptId, role: 'owner' } });
      if (owners <= 1) throw new HttpError(409, 'A manuscript needs an owner: make someone else owner first.');
    }
    if (role === null) await tx.membership.delete({ where: { manuscriptId_userId: { manuscriptId, userId } } });
    else await tx.membership.update({ where: { manuscriptId_userId: { manuscriptId, userId } }, data: { role } });
  }, READ_THEN_WRITE));
}

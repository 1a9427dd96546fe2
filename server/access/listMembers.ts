import type { PrismaClient } from '../generated/prisma/client';
import { asRole, ROLES } from '@model/access/roles';
import type { MemberListing } from '@model/api/memberListing';
import { isWriterColor } from '@model/identity/writerColors';

/** A manuscript's members, owners first, then by name. */
export async function listMembers(prisma: PrismaClient, manuscriptId: string): Promise<MemberListing[]> {
  const members = await prisma.membership.findMany({
    where: { manuscriptId },
    select: { role: true, user: { select: { id: true, name: true, email: true, caretColor: true } } },
  });
  return members
    .map(({ role, user }) => ({ userId: user.id, name: user.name, email: user.email, role: asRole(role), color: isWriterColor(user.caretColor) ? user.caretColor : null }))
    .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.name.localeCompare(b.name));
}

import type { PrismaClient } from '../generated/prisma/client';
import { leastUsedColor } from '@model/identity/writerColors';

/**
 * An account's caret colour, kept with the account so it is the same in every browser. An
 * account without one is given the palette colour fewest of its co-writers have (see
 * `leastUsedColor`), and keeps it until the writer picks another.
 */
export async function accountColor(prisma: PrismaClient, userId: string): Promise<string> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { caretColor: true } });
  if (user?.caretColor) return user.caretColor;
  const shared = await prisma.membership.findMany({ where: { userId }, select: { manuscriptId: true } });
  const coWriters = await prisma.membership.findMany({
    where: { manuscriptId: { in: shared.map((membership) => membership.manuscriptId) }, userId: { not: userId } },
    select: { user: { select: { caretColor: true } } },
  });
  const color = leastUsedColor(
    coWriters.flatMap((membership) => (membership.user.caretColor ? [membership.user.caretColor] : [])),
    userId,
  );
  await prisma.user.updateMany({ where: { id: userId, caretColor: null }, data: { caretColor: color } });
  // Another request may have given it one first: that one stands.
  return (await prisma.user.findUnique({ where: { id: userId }, select: { caretColor: true } }))?.caretColor ?? color;
}

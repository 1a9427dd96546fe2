import type { PrismaClient } from '../../server/generated/prisma/client';
import { manuscriptCreator } from '../../server/manuscripts/manuscriptCreator';
import { userCreator } from '../../server/auth/userCreator';
import { DEMO_ACCOUNT } from '../../server/auth/demoAccount';
import { SAMPLE_MANUSCRIPT_ID, sampleManuscript } from './sampleManuscript';

/**
 * Creates the demo account and loads the sample novel as manuscript `sample`, owned by it, unless
 * they exist already. Safe to run on every start: it never changes what is there.
 */
export async function seedDatabase(prisma: PrismaClient): Promise<{ created: boolean }> {
  const demo = await prisma.user.findUnique({ where: { email: DEMO_ACCOUNT.email }, select: { id: true } });
  const demoId = demo?.id ?? (await userCreator(prisma, DEMO_ACCOUNT));
  const existing = await prisma.manuscript.findUnique({ where: { id: SAMPLE_MANUSCRIPT_ID }, select: { id: true } });
  if (existing) return { created: false };
  await manuscriptCreator(prisma, sampleManuscript(), { id: SAMPLE_MANUSCRIPT_ID, ownerId: demoId });
  return { created: true };
}

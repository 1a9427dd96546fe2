import type { PrismaClient } from '../../server/generated/prisma/client';
import { manuscriptCreator } from '../../server/manuscripts/manuscriptCreator';
import { SAMPLE_MANUSCRIPT_ID, sampleManuscript } from './sampleManuscript';

/**
 * Loads the sample novel as manuscript `sample` unless it exists already. Safe to run on every
 * start: it never touches a manuscript that is there.
 */
export async function seedDatabase(prisma: PrismaClient): Promise<{ created: boolean }> {
  const existing = await prisma.manuscript.findUnique({ where: { id: SAMPLE_MANUSCRIPT_ID }, select: { id: true } });
  if (existing) return { created: false };
  await manuscriptCreator(prisma, sampleManuscript(), { id: SAMPLE_MANUSCRIPT_ID });
  return { created: true };
}

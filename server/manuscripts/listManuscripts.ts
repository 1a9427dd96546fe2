import type { PrismaClient } from '../generated/prisma/client';

/** A manuscript as the library lists it. */
export interface ManuscriptListing {
  id: string;
  title: string;
  wordCount: number;
  updatedAt: Date;
}

/** Every manuscript, most recently changed first. */
export function listManuscripts(prisma: PrismaClient): Promise<ManuscriptListing[]> {
  return prisma.manuscript.findMany({
    select: { id: true, title: true, wordCount: true, updatedAt: true },
    orderBy: { updatedAt: 'desc' },
  });
}

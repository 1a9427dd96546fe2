import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client';
import { newId } from '@model/manuscript/newId';

/** The body of POST /api/manuscripts/<id>/suggestions/decisions. */
export const DecisionsInput = z.object({
  decisions: z
    .array(z.object({ suggestionId: z.string().min(1).max(200), outcome: z.enum(['accepted', 'rejected']) }))
    .min(1)
    .max(5000),
});

export type Decision = z.infer<typeof DecisionsInput>['decisions'][number];

/** Records that `userId` accepted or rejected these suggestions of a manuscript, now. */
export async function recordDecisions(prisma: PrismaClient, manuscriptId: string, userId: string, decisions: Decision[]): Promise<void> {
  if (decisions.length === 0) return;
  await prisma.suggestionDecision.createMany({
    data: decisions.map((decision) => ({ id: newId(), manuscriptId, suggestionId: decision.suggestionId, outcome: decision.outcome, decidedById: userId })),
  });
}

/** The latest decision on each of these suggestions, with who made it (null: an account since deleted). */
export async function latestDecisions(prisma: PrismaClient, manuscriptId: string, suggestionIds: string[]): Promise<Map<string, { outcome: 'accepted' | 'rejected'; by: string | null }>> {
  if (suggestionIds.length === 0) return new Map();
  const rows = await prisma.suggestionDecision.findMany({
    where: { manuscriptId, suggestionId: { in: suggestionIds } },
    orderBy: { decidedAt: 'asc' },
    select: { suggestionId: true, outcome: true, decidedBy: { select: { name: true } } },
  });
  return new Map(rows.map((row) => [row.suggestionId, { outcome: row.outcome === 'accepted' ? 'accepted' : 'rejected', by: row.decidedBy?.name ?? null }]));
}

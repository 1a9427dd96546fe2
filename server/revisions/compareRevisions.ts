import type { PrismaClient } from '../generated/prisma/client';
import type { ManuscriptDiff } from '@model/revisions/manuscriptDiff';
import { diffManuscripts } from './diffManuscripts';
import { wordAuthorName } from '@model/suggestions/suggestionId';
import { latestDecisions } from '../suggestions/suggestionDecisions';
import { manuscriptVersions } from './manuscriptVersions';

/**
 * Compares two revisions of a manuscript, or a revision with the current text (`to` = 'now',
 * as stored, which is at most a second behind the writers). Returns the diff from `from` to `to`.
 */
export async function compareRevisions(prisma: PrismaClient, manuscriptId: string, fromId: string, toId: string): Promise<ManuscriptDiff> {
  const versions = await manuscriptVersions(prisma, manuscriptId, [fromId, toId]);
  const diff = diffManuscripts(versions.get(fromId)!, versions.get(toId)!);
  await nameSuggestionAuthors(prisma, diff);
  await nameDeciders(prisma, manuscriptId, diff);
  return diff;
}

/** Who accepted or rejected each settled suggestion, where it was recorded (the record's outcome prevails). */
async function nameDeciders(prisma: PrismaClient, manuscriptId: string, diff: ManuscriptDiff): Promise<void> {
  const settled = diff.sections.flatMap((section) => section.suggestions?.settled ?? []);
  const decisions = await latestDecisions(prisma, manuscriptId, settled.map((change) => change.id));
  for (const change of settled) {
    const decision = decisions.get(change.id);
    if (!decision) continue;
    change.outcome = decision.outcome;
    change.settledBy = decision.by;
  }
}

/** Fills in the names of the suggestions' authors (the diff itself only knows their ids). */
async function nameSuggestionAuthors(prisma: PrismaClient, diff: ManuscriptDiff): Promise<void> {
  const changes = diff.sections.flatMap((section) => (section.suggestions ? [...section.suggestions.added, ...section.suggestions.settled] : []));
  const ids = [...new Set(changes.map((change) => change.authorId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return;
  const users = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const names = new Map(users.map((user) => [user.id, user.name]));
  for (const change of changes) {
    const fromWord = wordAuthorName(change.authorId);
    change.authorName = fromWord ? `${fromWord} (in Word)` : change.authorId ? (names.get(change.authorId) ?? null) : null;
  }
}

import type { PrismaClient } from '../generated/prisma/client';
import { PrismaDocumentStore } from '../persistence/PrismaDocumentStore';
import { changesSinceRevision } from '../revisions/changesSinceRevision';
import { parseRevisionSummary } from '../revisions/parseRevisionSummary';
import { dailyProgress, type AttributedChange } from '@model/progress/dailyProgress';
import { isWriterColor, leastUsedColor } from '@model/identity/writerColors';
import type { ProgressListing, WriterProgressListing } from '@model/api/progressListing';
import type { AuthorChange } from '@model/revisions/revisionSummary';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back streaks are counted: a streak longer than a year reads as "365 days". */
const STREAK_LOOKBACK_DAYS = 366;

/**
 * Words written per day per co-writer over the last `days` days, the book's size at the end of
 * each day, and streaks, from the attributed history: each revision's record of who added and
 * removed how many words since the one before (the same counts the history shows), plus what
 * was written since the latest revision, measured from the update log at the moment of asking
 * and counted at the time of its last entry (nothing is recorded by asking). Days are read in `timeZone`. Retention folds older automatic
 * revisions into the hour's (after 2 days) and the day's (after 30 days, a UTC day) last one, so
 * words written long ago count on the day of the revision that now holds them.
 */
export async function writingProgress(
  prisma: PrismaClient,
  manuscriptId: string,
  options: { days: number; timeZone: string; now?: Date },
): Promise<ProgressListing> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (Math.max(options.days, STREAK_LOOKBACK_DAYS) + 1) * DAY_MS);
  const [revisions, before] = await Promise.all([
    prisma.revision.findMany({
      where: { manuscriptId, createdAt: { gte: since } },
      orderBy: [{ createdAt: 'asc' }, { throughSeq: 'asc' }],
      select: { createdAt: true, writtenAt: true, wordCount: true, summary: true },
    }),
    // The book's size before the range starts.
    prisma.revision.findFirst({ where: { manuscriptId, createdAt: { lt: since } }, orderBy: [{ createdAt: 'desc' }, { throughSeq: 'desc' }], select: { createdAt: true, wordCount: true } }),
  ]);
  const changes: AttributedChange[] = revisions.map((revision) => ({
    // A revision is made minutes after the writing it holds: the words count when they were written.
    at: revision.writtenAt ?? revision.createdAt,
    bookWords: revision.wordCount,
    authors: writing(parseRevisionSummary(revision.summary).authors),
  }));
  if (before) changes.unshift({ at: before.createdAt, bookWords: before.wordCount, authors: [] });
  if ((await new PrismaDocumentStore(prisma).layoutOf(manuscriptId)) === 'sections') {
    const pending = await changesSinceRevision(prisma, manuscriptId, new Map(), { evenIfNone: false });
    if (pending) changes.push({ at: pending.lastLoggedAt ?? now, bookWords: pending.wordCount, authors: writing(pending.summary.authors) });
  }

  const progress = dailyProgress(changes, { days: options.days, timeZone: options.timeZone, now });
  const users = await prisma.user.findMany({ where: { id: { in: progress.writers.map((w) => w.userId) } }, select: { id: true, name: true, caretColor: true } });
  const used: string[] = [];
  const writers: WriterProgressListing[] = progress.writers.map((writer) => {
    const user = users.find((u) => u.id === writer.userId);
    // Each writer in their own caret colour; one a co-writer in this chart already has gets the colour fewest have.
    const own = user?.caretColor && isWriterColor(user.caretColor) && !used.includes(user.caretColor) ? user.caretColor : null;
    const color = own ?? leastUsedColor(used, writer.userId);
    used.push(color);
    return { ...writer, name: user?.name ?? 'Former member', color };
  });
  return { timeZone: options.timeZone, days: progress.days, writers, bookWords: progress.bookWords, streak: progress.streak, countedAt: now.toISOString() };
}

/** Each author's words as writing: what a restore, a replace-all or an import put in is left out. */
function writing(authors: AuthorChange[]): AttributedChange['authors'] {
  return authors.map(({ userId, added, removed, notWritten }) => ({ userId, added: Math.max(0, added - (notWritten ?? 0)), removed }));
}

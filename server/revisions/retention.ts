/** The facts retention looks at. */
export interface RetainedRevision {
  id: string;
  kind: string;
  createdAt: Date;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * The revisions the retention policy drops: named revisions are never dropped; other revisions
 * are all kept for 2 days, then the newest of each hour for 30 days, then the newest of each day.
 * Pure: the ids to delete, given all revisions and the time now.
 */
export function revisionsToPrune(revisions: RetainedRevision[], now: Date): string[] {
  const newestFirst = [...revisions].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const seenBuckets = new Set<string>();
  const prune: string[] = [];
  for (const revision of newestFirst) {
    if (revision.kind === 'named') continue;
    const age = now.getTime() - revision.createdAt.getTime();
    if (age <= 2 * DAY) continue;
    const bucketSize = age <= 30 * DAY ? HOUR : DAY;
    const bucket = `${bucketSize}:${Math.floor(revision.createdAt.getTime() / bucketSize)}`;
    if (seenBuckets.has(bucket)) prune.push(revision.id);
    else seenBuckets.add(bucket);
  }
  return prune;
}

/**
 * The time to stamp a new revision with: now, or a millisecond after the manuscript's latest
 * revision if that is not earlier. Revisions are listed, compared and pruned in the order of their
 * times; two made within one millisecond (a revision and the one that records accepting every
 * suggestion, say) would otherwise tie, and PostgreSQL, unlike SQLite, returns tied rows in no
 * particular order.
 */
export function nextRevisionTime(latest: Date | undefined, now: Date = new Date()): Date {
  return latest && latest.getTime() >= now.getTime() ? new Date(latest.getTime() + 1) : now;
}

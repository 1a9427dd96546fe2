/** The facts a revision is labelled by. */
export interface LabelledRevision {
  kind: string;
  name: string | null;
  createdAt: string | Date;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** When a revision was made, as writers read it (their local time). */
export function revisionTime(revision: LabelledRevision): string {
  return timeFormat.format(new Date(revision.createdAt));
}

/** A revision's name if it has one, else when it was made. */
export function revisionLabel(revision: LabelledRevision): string {
  return revision.name ?? revisionTime(revision);
}

import type { NotificationKind } from './notificationRecipients';

/** A notification as the comment panel lists it (GET /api/manuscripts/<id>/notifications). */
export interface NotificationListing {
  id: string;
  kind: NotificationKind;
  threadId: string;
  sectionId: string;
  /** The thread's quote, to say which thread. */
  quote: string;
  /** Who did it (null: an account since deleted). */
  actor: string | null;
  createdAt: string;
  read: boolean;
}

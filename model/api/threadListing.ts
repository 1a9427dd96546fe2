/** One comment in a thread as the comment list shows it. */
export interface CommentListing {
  id: string;
  author: { id: string; name: string } | null;
  /** Empty once deleted. */
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

/** A comment thread as the comment list shows it (GET /api/manuscripts/<id>/threads). */
export interface ThreadListing {
  id: string;
  sectionId: string;
  /** The text the thread was started on (shown when that text is gone). */
  quote: string;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
  comments: CommentListing[];
}

/** The longest comment, in characters. */
export const MAX_COMMENT_LENGTH = 5000;

/** The longest quote kept with a thread, in characters (a longer passage is cut, with an ellipsis). */
export const MAX_QUOTE_LENGTH = 500;

/** What a reader is told, once, when it sends a change (y-protocols' auth "permission denied"). */
export const READ_ONLY_REASON = 'read-only: your role in this manuscript cannot change it; the change was not applied';

/** What a commenter is told, once, when it sends a change to the text (only comment marks and their own suggestions are taken). */
export const COMMENT_ONLY_REASON = 'comments only: your role in this manuscript can comment and suggest but not change the text directly; the change was not applied';

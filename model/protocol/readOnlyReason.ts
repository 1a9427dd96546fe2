/** What a reader is told, once, when it sends a change (y-protocols' auth "permission denied"). */
export const READ_ONLY_REASON = 'read-only: your role in this manuscript cannot change it; the change was not applied';

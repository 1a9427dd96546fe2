/**
 * Close codes the sync server uses beyond the standard ones. 44xx tells y-websocket not to
 * reconnect, so the writing room shows why the session ended instead of retrying.
 */
export const CloseCode = {
  /** The member's role changed: reconnect to pick up the new one. */
  roleChanged: 4001,
  /** The member was removed from the manuscript. */
  accessRemoved: 4403,
  /**
   * The update was not applied: the manuscript would pass its maximum size, or one message was
   * over the largest accepted. Permanent for y-websocket, so the same update is not resent forever.
   */
  documentTooLarge: 4413,
  /** A message broke the protocol or the message rate limit. */
  policyViolation: 1008,
} as const;

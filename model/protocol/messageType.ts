/**
 * Message types on the wire. 0-3 are the standard y-websocket protocol, so a stock y-websocket
 * client works unchanged. 100 is Quire's one extension, used only by clients that send it first:
 * "tell me when everything I sent so far is stored", answered with the same type and number.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  storedAck: 100,
} as const;

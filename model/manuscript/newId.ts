const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A random 12-character id for sections and manuscripts. Uses crypto.getRandomValues, which
 * (unlike crypto.randomUUID) also exists on pages served over plain http from a LAN address.
 */
export function newId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

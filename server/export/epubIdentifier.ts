import { createHash } from 'node:crypto';

/** Namespace of the name-based UUIDs below; fixed forever, so a manuscript keeps its identifier. */
const QUIRE_NAMESPACE = 'dce2195f-73ce-4536-993c-5095ed9aee10';

/**
 * The EPUB unique identifier of a manuscript: a name-based (version 5, RFC 9562) UUID URN derived
 * from its Quire identifier. Reading systems and stores treat this identifier as the book's
 * identity, so every export of one manuscript gets the same one (a re-export is a new version of
 * the same book, told apart by `dcterms:modified`), and different manuscripts never share one.
 * A UUID rather than the raw id keeps the value opaque and within the URN syntax whatever the id
 * contains.
 */
export function epubIdentifier(identifier: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(QUIRE_NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(identifier, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

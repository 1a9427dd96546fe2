import { z } from 'zod';
import { MAX_COMMENT_LENGTH, MAX_QUOTE_LENGTH } from '@model/api/threadListing';

/** Thread and section ids are the app's own 12-character ids (see model/manuscript/newId.ts). */
const Id = z.string().regex(/^[0-9a-z]{12}$/, 'Not a valid id.');

const Body = z
  .string()
  .trim()
  .min(1, 'Write something first.')
  .max(MAX_COMMENT_LENGTH, `A comment can be at most ${MAX_COMMENT_LENGTH.toLocaleString('en')} characters.`);

/**
 * A new thread: its id (made by the browser, which marks the passage with it at once), the
 * section, the text it is about, and its first comment.
 */
export const NewThread = z.object({
  id: Id,
  sectionId: Id,
  quote: z
    .string()
    .trim()
    .min(1, 'Select the text the comment is about.')
    .transform((quote) => (quote.length > MAX_QUOTE_LENGTH ? `${quote.slice(0, MAX_QUOTE_LENGTH - 1)}…` : quote)),
  body: Body,
});

/** A reply, or a comment's new text. */
export const CommentBody = z.object({ body: Body });

/** Resolving or reopening a thread. */
export const ThreadState = z.object({ resolved: z.boolean() });

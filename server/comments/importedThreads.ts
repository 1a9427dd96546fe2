import type { JSONContent } from '@tiptap/core';
import type { PrismaClient } from '../generated/prisma/client';
import { newId } from '@model/manuscript/newId';
import { markNames } from '@model/schema/names';
import { manuscriptVersions } from '../revisions/manuscriptVersions';
import { retryWhenBusy } from '../persistence/retryWhenBusy';
import type { ImportedThread } from '../import/wordAnnotations';

/** The longest quote kept for a thread, as when a writer starts one. */
const QUOTE_LIMIT = 500;

/**
 * Stores the comment threads a Word document brought in, once its text is in the manuscript:
 * each thread's section and quote are read from where its mark landed (in the stored text, so
 * appending to a book works the same as a new one). The importing writer starts the thread; the
 * comment names its Word author and keeps its time. A thread whose mark is not found is dropped.
 * No one is notified: the importer is the only participant. Returns how many were stored.
 */
export async function storeImportedThreads(prisma: PrismaClient, manuscriptId: string, userId: string, threads: ImportedThread[]): Promise<number> {
  if (threads.length === 0) return 0;
  const manuscript = (await manuscriptVersions(prisma, manuscriptId, ['now'])).get('now')!;
  const wanted = new Set(threads.map((thread) => thread.id));
  const found = new Map<string, { sectionId: string; quote: string }>();
  for (const section of manuscript.sections) {
    const visit = (node: JSONContent) => {
      // Per text block, the marked text of each wanted thread; blocks are joined with a space.
      const inBlock = new Map<string, string>();
      for (const child of node.content ?? []) {
        if (child.type !== 'text') continue;
        for (const mark of child.marks ?? []) {
          const threadId = mark.attrs?.threadId as string | undefined;
          if (mark.type === markNames.comment && threadId && wanted.has(threadId)) inBlock.set(threadId, (inBlock.get(threadId) ?? '') + (child.text ?? ''));
        }
      }
      for (const [threadId, text] of inBlock) {
        const entry = found.get(threadId);
        if (!entry) found.set(threadId, { sectionId: section.id, quote: text });
        else if (entry.sectionId === section.id) entry.quote += ` ${text}`;
      }
      for (const child of node.content ?? []) if (child.type !== 'text') visit(child);
    };
    visit(section.content);
  }
  const stored = threads.filter((thread) => found.has(thread.id));
  await retryWhenBusy(() =>
    prisma.$transaction(
      stored.map((thread) => {
        const { sectionId, quote } = found.get(thread.id)!;
        const { author, date, body } = thread.comment;
        return prisma.commentThread.create({
          data: {
            id: thread.id,
            manuscriptId,
            sectionId,
            quote: quote.replaceAll('\u200B', '').slice(0, QUOTE_LIMIT),
            createdById: userId,
            ...(date ? { createdAt: date } : {}),
            comments: { create: { id: newId(), authorId: userId, body: `${author} (in Word): ${body || '(no text)'}`, ...(date ? { createdAt: date } : {}) } },
          },
        });
      }),
    ),
  );
  return stored.length;
}

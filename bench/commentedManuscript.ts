import type { JSONContent } from '@tiptap/core';
import type { PrismaClient } from '../server/generated/prisma/client';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { markNames } from '@model/schema/names';
import { largeManuscript } from './largeManuscript';

/** How many open comment threads the commented book carries, spread evenly over its chapters. */
export const BENCH_THREADS = 500;

/** The thread id of the `n`th benchmark thread (the app's 12-character id format). */
const threadId = (n: number) => `bench${String(n).padStart(7, '0')}`;

/**
 * The long benchmark manuscript with BENCH_THREADS comment threads: every so many paragraphs of
 * each chapter, a paragraph's first text run is marked for a thread (and every third of those
 * passages is overlapped by the next thread's, as real threads overlap). Deterministic.
 */
export function commentedManuscript(): { manuscript: ManuscriptJson; threads: Array<{ id: string; sectionId: string; quote: string }> } {
  // A copy without shared parts: the long manuscript reuses its paragraphs between chapters.
  const manuscript = JSON.parse(JSON.stringify(largeManuscript())) as ManuscriptJson;
  const chapters = manuscript.sections.filter((section) => section.kind === 'chapter');
  const perChapter = Math.ceil(BENCH_THREADS / chapters.length);
  const threads: Array<{ id: string; sectionId: string; quote: string }> = [];
  for (const chapter of chapters) {
    const body = chapter.content.content![0].content!;
    const paragraphs = body.filter((block) => block.type === 'paragraph' && block.content?.[0]?.text);
    const step = Math.max(1, Math.floor(paragraphs.length / perChapter));
    for (let i = 0; i < paragraphs.length && threads.length < BENCH_THREADS; i += step) {
      if (threads.filter((t) => t.sectionId === chapter.id).length >= perChapter) break;
      const run = paragraphs[i].content![0] as JSONContent;
      const id = threadId(threads.length);
      const overlapping = threads.length % 3 === 1 && threads.at(-1)?.sectionId === chapter.id;
      const marked = { ...run, marks: [...(run.marks ?? []), { type: markNames.comment, attrs: { threadId: id } }] };
      paragraphs[i].content = [marked, ...paragraphs[i].content!.slice(1)];
      if (overlapping) paragraphs[i - step].content![0].marks!.push({ type: markNames.comment, attrs: { threadId: id } });
      threads.push({ id, sectionId: chapter.id, quote: run.text!.slice(0, 200) });
    }
  }
  return { manuscript, threads };
}

/** Stores the commented book's threads, each with one comment by `authorId`. */
export async function storeThreads(prisma: PrismaClient, manuscriptId: string, authorId: string, threads: Array<{ id: string; sectionId: string; quote: string }>): Promise<void> {
  await prisma.commentThread.createMany({ data: threads.map((t) => ({ ...t, manuscriptId, createdById: authorId })) });
  await prisma.comment.createMany({ data: threads.map((t) => ({ id: `c${t.id.slice(1)}`, threadId: t.id, authorId, body: `A note on “${t.quote.slice(0, 40)}”.` })) });
}

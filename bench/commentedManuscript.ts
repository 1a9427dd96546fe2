import type { JSONContent } from '@tiptap/core';
import type { PrismaClient } from '../server/generated/prisma/client';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { markNames } from '@model/schema/names';
import { largeManuscript } from './largeManuscript';
import { newSuggestionId } from '@model/suggestions/suggestionId';

/** How many open comment threads the reviewed book carries, spread evenly over its chapters. */
export const BENCH_THREADS = 500;

/** How many pending suggestions it carries, spread the same way. */
export const BENCH_SUGGESTIONS = 1000;

/** The thread id of the `n`th benchmark thread (the app's 12-character id format). */
const threadId = (n: number) => `bench${String(n).padStart(7, '0')}`;

/**
 * The long benchmark manuscript as an editor's pass leaves it: BENCH_THREADS comment threads
 * (every so many paragraphs of each chapter, a paragraph's first text run is marked for a thread,
 * and every third of those passages is overlapped by the next thread's, as real threads overlap)
 * and BENCH_SUGGESTIONS pending suggestions by `suggesterId` (in as many paragraphs, the last
 * word proposed for replacement: struck, with a proposed word after it). Deterministic.
 */
export function commentedManuscript(suggesterId = 'bench-suggester'): { manuscript: ManuscriptJson; threads: Array<{ id: string; sectionId: string; quote: string }>; suggestions: number } {
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
  const suggestions = addSuggestions(chapters, suggesterId);
  return { manuscript, threads, suggestions };
}

/** Proposes replacing the last word of evenly spread paragraphs; returns how many suggestions were made. */
function addSuggestions(chapters: ManuscriptJson['sections'], suggesterId: string): number {
  const perChapter = Math.ceil(BENCH_SUGGESTIONS / chapters.length);
  const at = Date.UTC(2026, 11, 1);
  let made = 0;
  for (const chapter of chapters) {
    const body = chapter.content.content![0].content!;
    const paragraphs = body.filter((block) => block.type === 'paragraph' && (block.content?.at(-1)?.text ?? '').includes(' '));
    const step = Math.max(1, Math.floor(paragraphs.length / perChapter));
    let inChapter = 0;
    for (let i = 0; i < paragraphs.length && inChapter < perChapter && made < BENCH_SUGGESTIONS; i += step) {
      const content = paragraphs[i].content!;
      const run = content.at(-1) as JSONContent;
      const text = run.text!;
      const space = text.lastIndexOf(' ');
      const marks = run.marks ?? [];
      const id = newSuggestionId(suggesterId, at + made);
      content.splice(
        content.length - 1,
        1,
        { ...run, text: text.slice(0, space + 1), ...(marks.length ? { marks } : {}) },
        { type: 'text', text: text.slice(space + 1), marks: [...marks, { type: markNames.deletion, attrs: { id } }] },
        { type: 'text', text: 'anew.', marks: [...marks, { type: markNames.insertion, attrs: { id } }] },
      );
      made++;
      inChapter++;
    }
  }
  return made;
}

/** Stores the commented book's threads, each with one comment by `authorId`. */
export async function storeThreads(prisma: PrismaClient, manuscriptId: string, authorId: string, threads: Array<{ id: string; sectionId: string; quote: string }>): Promise<void> {
  await prisma.commentThread.createMany({ data: threads.map((t) => ({ ...t, manuscriptId, createdById: authorId })) });
  await prisma.comment.createMany({ data: threads.map((t) => ({ id: `c${t.id.slice(1)}`, threadId: t.id, authorId, body: `A note on “${t.quote.slice(0, 40)}”.` })) });
}

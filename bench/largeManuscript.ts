import type { JSONContent } from '@tiptap/core';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { countWords } from '@model/manuscript/countWords';
import { sampleManuscript } from '../prisma/seed/sampleManuscript';

/**
 * A long manuscript for benchmarks, made from the sample novel's text: its front matter, then
 * `chapters` chapters of about `wordsTotal / chapters` words each, cycling through the novel's
 * paragraphs and scene headings. Deterministic.
 */
export function largeManuscript(wordsTotal = 120_000, chapters = 30): ManuscriptJson {
  const sample = sampleManuscript();
  const chapterBody = sample.sections.find((s) => s.kind === 'chapter')!.content.content![0].content!.slice(1);
  const perChapter = Math.ceil(wordsTotal / chapters);
  const sections = sample.sections.filter((s) => s.kind !== 'chapter').map((s, i) => ({ ...s, id: `front${i}` }));
  let cursor = 0;
  for (let n = 1; n <= chapters; n++) {
    const body: JSONContent[] = [];
    let words = 0;
    while (words < perChapter) {
      const block = chapterBody[cursor++ % chapterBody.length];
      body.push(block);
      words += countWords((block.content ?? []).map((c) => c.text ?? '').join(''));
    }
    sections.push({
      id: `chapter${n}`,
      kind: 'chapter',
      content: { type: 'doc', content: [{ type: 'chapter', content: [{ type: 'chapterTitle', content: [{ type: 'text', text: `Chapter title ${n}` }] }, ...body] }] },
    });
  }
  return { title: 'A Long Book', sections };
}

import type { JSONContent } from '@tiptap/core';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { sampleManuscript } from '../../prisma/seed/sampleManuscript';
import { exportBookFrom } from '../../server/export/exportBookFrom';
import type { ExportBook } from '../../server/export/exportBook';

const contact = { name: 'Ada Quill', email: 'ada@example.com' };
const t = (text: string, ...marks: string[]): JSONContent => ({
  type: 'text',
  text,
  ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}),
});
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const section = (id: string, kind: ManuscriptJson['sections'][number]['kind'], content: JSONContent[]) => ({
  id,
  kind,
  content: { type: 'doc', content: [{ type: kind, content }] },
});

/**
 * A small book using every kind of section and block: dedication, two epigraphs (one of verse
 * with a line break), two parts, chapters with and without titles and subtitles, scene headings,
 * scene breaks, bold, italic, code (alone and with bold or italic) and characters outside ASCII,
 * and a part and a chapter that open with epigraphs of their own.
 */
export function everythingManuscript(): ManuscriptJson {
  return {
    title: 'The Lantern & the Tide',
    sections: [
      section('ded', 'dedication', [p(t('For Maren, who kept the light.'))]),
      section('epi', 'epigraphs', [
        {
          type: 'epigraph',
          content: [
            { type: 'epigraphQuote', content: [t('The sea has neither meaning nor pity.')] },
            { type: 'epigraphAttribution', content: [t('Anton Chekhov')] },
          ],
        },
        {
          type: 'epigraph',
          content: [
            { type: 'epigraphQuote', content: [t('I must go down to the seas again,'), { type: 'hardBreak' }, t('to the lonely sea and the sky')] },
            { type: 'epigraphAttribution', content: [t('John Masefield, '), t('Sea-Fever', 'italic')] },
          ],
        },
      ]),
      section('part1', 'part', [{ type: 'partTitle', content: [t('The Harbour')] }]),
      section('ch1', 'chapter', [
        { type: 'chapterTitle', content: [t('Low Water')] },
        { type: 'chapterSubtitle', content: [t('Saint-Malo, 1911')] },
        { type: 'sceneHeading', content: [t('The Quay at Dawn')] },
        p(t('The tide went out '), t('all at once', 'italic'), t(', as if someone had pulled a plug.')),
        p(t('“Again?” said Élodie. '), t('Nobody', 'bold'), t(' answered — not even the gulls.')),
        { type: 'sceneBreak' },
        p(t('By noon the boats lay on their sides like tired dogs.')),
      ]),
      section('ch2', 'chapter', [
        { type: 'chapterTitle' },
        p(t('An untitled chapter keeps its number: naïve café owners said so.')),
      ]),
      section('part2', 'part', [
        { type: 'partTitle', content: [t('The Open Sea')] },
        {
          type: 'epigraph',
          content: [
            { type: 'epigraphQuote', content: [t('Whither, O splendid ship?')] },
            { type: 'epigraphAttribution', content: [t('Robert Bridges')] },
          ],
        },
        p(t('Three weeks later.')),
      ]),
      section('ch3', 'chapter', [
        { type: 'chapterTitle', content: [t('Spring Tide')] },
        {
          type: 'epigraph',
          content: [
            { type: 'epigraphQuote', content: [t('There is a tide in the affairs of men,'), { type: 'hardBreak' }, t('which, taken at the flood, leads on to fortune.')] },
            { type: 'epigraphAttribution', content: [t('Julius Caesar', 'italic'), t(', IV.iii')] },
          ],
        },
        p(t('Water came back '), t('bold and italic', 'bold', 'italic'), t(' — and with it, the boats.')),
        { type: 'sceneHeading', content: [t('Night')] },
        p(t('She counted the lights: one, two, three.')),
        p(t('The log said '), t('tide --low 0.4m', 'code'), t(', then '), t('ALARM', 'bold', 'code'), t(' in '), t('red', 'italic', 'code'), t('.')),
      ]),
    ],
  };
}

/** {@link everythingManuscript} as an export of the whole book. */
export function everythingBook(sectionIds?: string[]): ExportBook {
  return exportBookFrom(everythingManuscript(), {
    identifier: 'everything',
    authors: ['Ada Quill', 'Ben Marsh'],
    contact,
    modified: new Date('2026-11-01T12:00:00Z'),
    sectionIds,
  });
}

/** The sample novel (about 7,000 words) as an export of the whole book. */
export function sampleNovelBook(): ExportBook {
  return exportBookFrom(sampleManuscript(), {
    identifier: 'sample',
    authors: ['Ada Quill'],
    contact,
    modified: new Date('2026-11-01T12:00:00Z'),
  });
}

import type { JSONContent } from '@tiptap/core';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { exportBookFrom } from './exportBookFrom';
import { renderExport } from './renderExport';

const text = (value: string, mark?: 'italic' | 'bold'): JSONContent => ({ type: 'text', text: value, ...(mark && { marks: [{ type: mark }] }) });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

/**
 * A page of English prose in the book's faces (regular, italic, bold), with an epigraph, straight
 * quotes and long words to hyphenate: enough to touch every path a real book's PDF takes.
 */
const WARM_UP_BOOK: ManuscriptJson = {
  title: 'Warm-up',
  language: 'en',
  sections: [
    {
      id: 'warm-up',
      kind: 'chapter',
      content: {
        type: 'doc',
        content: [
          {
            type: 'chapter',
            content: [
              { type: 'chapterTitle', content: [text('The Harbour at First Light')] },
              {
                type: 'epigraph',
                content: [
                  { type: 'epigraphQuote', content: [text('Every map is a promise somebody meant to keep.')] },
                  { type: 'epigraphAttribution', content: [text('Anonymous')] },
                ],
              },
              paragraph(
                text("The ferry was late again, and nobody on the quay seemed surprised. Margarethe folded the newspaper she hadn't read, "),
                text('deliberately', 'italic'),
                text(', as if the weather could be persuaded by patience. Fishermen argued about the price of diesel; a dog investigated the ropes; '),
                text('somewhere', 'bold'),
                text(' a radio announced the shipping forecast in its unhurried, incantatory voice: Fastnet, Lundy, Irish Sea.'),
              ),
              paragraph(
                text('"You\'ll wait with me?" she asked. Her brother shrugged, which meant yes, which meant also that he was thinking about the '),
                text('extraordinarily complicated', 'italic'),
                text(' arrangements their grandmother had left behind: the lighthouse, the correspondence, the unfinished inventory of everything she owned.'),
              ),
              { type: 'sceneBreak' },
              paragraph(text('By noon the fog had lifted. Quietly, unexpectedly, the boat appeared, and the harbourmaster waved it towards the northern jetty.')),
            ],
          },
        ],
      },
    },
  ],
};

/**
 * Renders a short built-in book to PDF and throws the file away, returning how long it took (ms).
 *
 * A process's first PDF pays once for work no later one repeats: the fonts parsed and their
 * substitution and positioning tables decoded, the hyphenation patterns compiled, the layout and
 * shaping code compiled and optimised (a fresh process's first PDF of the 120,000-word book took
 * about 0.4 s longer without this than after it: docs/PERFORMANCE.md). The app calls this soon after it
 * starts (instrumentation.ts), so that cost never lands on a writer's first export. It shares its
 * caches with the export route through pdfFonts.ts and hyphenation.ts, which keep them on
 * globalThis because Next.js bundles the route and the start-up hook as separate module copies.
 */
export async function warmPdfExporter(): Promise<number> {
  const started = performance.now();
  const book = exportBookFrom(WARM_UP_BOOK, { identifier: 'warm-up', authors: ['Quire'], contact: { name: 'Quire', email: 'warm-up@localhost' } });
  await renderExport(book, 'pdf');
  return performance.now() - started;
}

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
 * shaping code compiled and optimised. Doing it on a page of text takes a few hundred ms; the
 * first export of a long book then costs about what later ones do (docs/PERFORMANCE.md).
 */
export async function warmPdfExporter(): Promise<number> {
  const started = performance.now();
  const book = exportBookFrom(WARM_UP_BOOK, { identifier: 'warm-up', authors: ['Quire'], contact: { name: 'Quire', email: 'warm-up@localhost' } });
  await renderExport(book, 'pdf');
  return performance.now() - started;
}

/** How long after the module loads the warm-up runs: after start-up's own work. */
const WARM_UP_DELAY_MS = 2000;

let scheduled = false;

/**
 * Schedules {@link warmPdfExporter} once, a moment after this module loads, in a production server.
 * The export route calls it as it loads, and the app's server has the route loaded as soon as it
 * listens (server/web/loadExportRoute.ts), so the warm-up runs then, in the route's own copy of
 * the exporter (Next.js bundles each route with its own copy of this code), and a writer's first
 * export finds it warm. Not during `next build`, which loads routes to collect their settings.
 */
export function warmPdfExporterSoon(): void {
  if (scheduled || process.env.NODE_ENV !== 'production' || process.env.NEXT_PHASE === 'phase-production-build') return;
  scheduled = true;
  setTimeout(() => {
    warmPdfExporter()
      .then((ms) => console.log(`PDF exporter warmed up in ${Math.round(ms)} ms`))
      .catch((error: unknown) => console.warn(`The PDF exporter's warm-up failed (exports still work; the first is slower): ${(error as Error).message}`));
  }, WARM_UP_DELAY_MS).unref();
}

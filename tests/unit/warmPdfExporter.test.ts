import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warmPdfExporter } from '../../server/export/warmPdfExporter';
import { pdfFontObjects } from '../../server/export/pdfFonts';
import { hyphenator } from '../../server/export/hyphenation';

test('the warm-up renders a PDF and leaves the parsed fonts and English patterns where any copy of the exporter finds them', async () => {
  const ms = await warmPdfExporter();
  assert.ok(ms > 0);
  const shared = (globalThis as Record<symbol, unknown>)[Symbol.for('quire.pdfFonts')] as { parsed?: unknown };
  assert.equal(shared.parsed, pdfFontObjects(), 'the warm-up parsed the fonts into the shared cache');
  // A second copy of each module, as Next.js's separate bundles load it, finds the same objects.
  const copy = (await import(`../../server/export/pdfFonts.ts?copy=${Date.now()}`)) as typeof import('../../server/export/pdfFonts');
  assert.equal(copy.pdfFontObjects(), pdfFontObjects());
  const hyphenationCopy = (await import(`../../server/export/hyphenation.ts?copy=${Date.now()}`)) as typeof import('../../server/export/hyphenation');
  assert.equal(hyphenationCopy.hyphenator('en'), hyphenator('en'));
  assert.deepEqual(hyphenator('en')!('extraordinarily').join('-'), 'ex-tra-or-di-nar-i-ly');
});

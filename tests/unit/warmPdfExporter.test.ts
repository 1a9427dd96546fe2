import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warmPdfExporter } from '../../server/export/warmPdfExporter';
import { hyphenator } from '../../server/export/hyphenation';

test('the warm-up renders its page to PDF and leaves the English patterns loaded', async () => {
  const ms = await warmPdfExporter();
  assert.ok(ms > 0);
  assert.equal(hyphenator('en')!('extraordinarily').join('-'), 'ex-tra-or-di-nar-i-ly');
});

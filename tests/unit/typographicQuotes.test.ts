import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExportInline } from '../../server/export/exportBook';
import { typographicInlines } from '../../server/export/typographicQuotes';

const roman = (text: string): ExportInline => ({ text, bold: false, italic: false });
const text = (inlines: ExportInline[]) => inlines.map((inline) => ('lineBreak' in inline ? '\n' : inline.text)).join('');
const curl = (value: string, language = 'en') => text(typographicInlines([roman(value)], language));

test('straight quotes and apostrophes become typographic from their context', () => {
  assert.equal(curl(`"It's late," she said. 'Go.'`), '“It’s late,” she said. ‘Go.’');
  assert.equal(curl(`Back in the '90s, he was 5'10" tall.`), 'Back in the ’90s, he was 5′10″ tall.');
  // Letters beyond ASCII are words too: the quote before "Élodie" opens.
  assert.equal(curl(`"Élodie," Ørjan said, "don't."`), '“Élodie,” Ørjan said, “don’t.”');
  // A digit outside the Basic Multilingual Plane is two code units: nothing after it may shift.
  assert.equal(curl(`𝟏 "hello" and 𝟐𝟑 "x"`), '𝟏 “hello” and 𝟐𝟑 “x”');
});

test('a quotation that crosses formatting is decided as one text, each run keeping its formatting', () => {
  const out = typographicInlines([roman('He read "'), { text: 'Ulysses', bold: false, italic: true }, roman('" twice.')], 'en');
  assert.deepEqual(out.map((inline) => ('text' in inline ? [inline.text, inline.italic] : null)), [['He read “', false], ['Ulysses', true], ['” twice.', false]]);
});

test('each language prints its own marks', () => {
  assert.equal(curl(`Er sagte "nein" und ging.`, 'de'), 'Er sagte „nein“ und ging.');
  assert.equal(curl(`Il a dit "non" et il est parti.`, 'fr-CA'), 'Il a dit «\u202fnon\u202f» et il est parti.');
  assert.equal(curl(`Он сказал "нет".`, 'ru'), 'Он сказал «нет».');
  assert.equal(curl(`"Hi," he said.`, 'xx'), '“Hi,” he said.', 'an unknown language gets English marks');
});

test('code and web addresses keep their straight quotes', () => {
  const out = typographicInlines([roman('Type '), { text: `print("hi")`, bold: false, italic: false, code: true }, roman(` or see https://example.com/?q="x" then "go".`)], 'en');
  assert.equal(text(out), `Type print("hi") or see https://example.com/?q="x" then “go”.`);
});

test('text with no straight quote comes back as it was', () => {
  const inlines = [roman('Nothing “to” change here.'), { lineBreak: true as const }, roman('Nor here.')];
  assert.equal(typographicInlines(inlines, 'en'), inlines);
});

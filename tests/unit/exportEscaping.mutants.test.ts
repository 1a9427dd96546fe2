// Export escaping, character by character: written to kill the mutants `npm run test:mutation`
// found surviving in escapeHtml, inlinesToHtml and epubEscape (see docs/TESTING.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml } from '../../server/export/escapeHtml';
import { inlinesToHtml } from '../../server/export/inlinesToHtml';
import { epubEscape } from '../../server/export/epubEscape';

const MARKUP: Array<[string, string]> = [
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
];

test('escapeHtml: each markup character becomes its entity, every occurrence, nothing else changes', () => {
  for (const [char, entity] of MARKUP) {
    assert.equal(escapeHtml(`a${char}b${char}c`), `a${entity}b${entity}c`, `${char} is escaped wherever it stands`);
  }
  assert.equal(escapeHtml('<p class="x">Tom & Jerry\'s</p>'), '&lt;p class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/p&gt;');
  assert.equal(escapeHtml('plain words, no markup: é — ½ ;#'), 'plain words, no markup: é — ½ ;#');
  assert.equal(escapeHtml(''), '');
});

test('inlinesToHtml: text escaped, italic inside bold, line breaks self-closed, runs joined with nothing between', () => {
  assert.equal(
    inlinesToHtml([
      { text: 'a<b', bold: false, italic: false },
      { text: 'both', bold: true, italic: true },
      { lineBreak: true },
      { text: 'i', bold: false, italic: true },
      { text: 'b', bold: true, italic: false },
    ]),
    'a&lt;b<strong><em>both</em></strong><br/><em>i</em><strong>b</strong>',
  );
  assert.equal(inlinesToHtml([]), '');
});

test('inlinesToHtml: inline code keeps its monospace as <code>, innermost, escaped, with italic and bold around it', () => {
  assert.equal(inlinesToHtml([{ text: 'a<b', bold: false, italic: false, code: true }]), '<code>a&lt;b</code>');
  assert.equal(inlinesToHtml([{ text: 'x', bold: true, italic: true, code: true }, { text: ' y', bold: false, italic: false, code: false }]), '<strong><em><code>x</code></em></strong> y');
});

test('epubEscape: every C0 control except tab, line feed and carriage return becomes a space', () => {
  for (let code = 0; code <= 0x20; code++) {
    const char = String.fromCharCode(code);
    const kept = code === 0x09 || code === 0x0a || code === 0x0d || code === 0x20;
    assert.equal(epubEscape(`a${char}b${char}c`), kept ? `a${char}b${char}c` : 'a b c', `U+${code.toString(16).padStart(4, '0')}`);
  }
  // DEL and C1 controls are allowed in XML 1.0: left as they are.
  assert.equal(epubEscape('a\u007Fb\u0085c'), 'a\u007Fb\u0085c');
});

test('epubEscape: broken surrogates and U+FFFE/U+FFFF become U+FFFD, whole pairs and their neighbours stay', () => {
  const emoji = '\uD83D\uDE00';
  assert.equal(epubEscape(`a${emoji}b`), `a${emoji}b`);
  for (const lone of ['\uD800', '\uDBFF', '\uDC00', '\uDFFF']) {
    assert.equal(epubEscape(`a${lone}b${lone}c`), 'a\uFFFDb\uFFFDc', `lone U+${lone.charCodeAt(0).toString(16)}`);
  }
  assert.equal(epubEscape('\uD800'), '\uFFFD', 'a high surrogate at the very end');
  assert.equal(epubEscape('\uDC00x'), '\uFFFDx', 'a low surrogate at the very start');
  assert.equal(epubEscape('\uD83D\uD83D\uDE00'), `\uFFFD${emoji}`, 'a high surrogate followed by a whole pair');
  assert.equal(epubEscape('\uD83D\uDE00\uDE00'), `${emoji}\uFFFD`, 'a whole pair followed by a low surrogate');
  assert.equal(epubEscape('a\uFFFEb\uFFFFc'), 'a\uFFFDb\uFFFDc');
  // Neighbours of the forbidden ranges are ordinary characters.
  assert.equal(epubEscape('\uD7FF\uE000\uFFFD\uFFFC'), '\uD7FF\uE000\uFFFD\uFFFC');
});

test('epubEscape: markup characters become entities, every occurrence, after the controls are replaced', () => {
  for (const [char, entity] of MARKUP) {
    assert.equal(epubEscape(`a${char}b${char}c`), `a${entity}b${entity}c`, `${char} is escaped wherever it stands`);
  }
  assert.equal(epubEscape('Tom\u000B& "Jerry"'), 'Tom &amp; &quot;Jerry&quot;');
});

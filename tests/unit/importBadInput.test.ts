import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, Packer, Paragraph } from 'docx';
import { HttpError } from '../../server/http/HttpError';
import { IMPORT_SIZE_LIMIT, importFile } from '../../server/import/importFile';

const encode = (text: string) => new TextEncoder().encode(text);

/** Asserts that importing refuses the file with this status and a message matching `message`. */
async function refuses(file: { name: string; bytes: Uint8Array }, status: number, message: RegExp) {
  await assert.rejects(importFile(file), (error: unknown) => {
    assert.ok(error instanceof HttpError, `expected an HttpError, got ${String(error)}`);
    assert.equal(error.status, status);
    assert.match(error.message, message);
    return true;
  });
}

test('a type Quire does not read is refused with the types it does read', async () => {
  await refuses({ name: 'novel.pdf', bytes: encode('%PDF-1.7') }, 415, /\.txt, \.md and \.docx.*novel\.pdf/);
  await refuses({ name: 'novel.doc', bytes: encode('x') }, 415, /save it as \.docx/);
  await refuses({ name: 'noextension', bytes: encode('x') }, 415, /noextension/);
});

test('an empty file, or one with no words, is refused', async () => {
  await refuses({ name: 'empty.txt', bytes: new Uint8Array() }, 422, /empty/);
  await refuses({ name: 'blank.md', bytes: encode('\n\n   \n* * *\n') }, 422, /no text/);
  const emptyDocx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] })));
  await refuses({ name: 'blank.docx', bytes: emptyDocx }, 422, /no text/);
});

test('a corrupted or fake .docx is refused as unreadable', async () => {
  const real = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Hello there.')] }] })));
  await refuses({ name: 'truncated.docx', bytes: real.slice(0, Math.floor(real.length / 2)) }, 422, /could not be read as a Word document/);
  await refuses({ name: 'renamed.docx', bytes: encode('Just some text saved with the wrong name.') }, 422, /could not be read as a Word document/);
  const garbled = real.slice();
  for (let i = 200; i < garbled.length - 200; i += 7) garbled[i] ^= 0xff;
  await refuses({ name: 'garbled.docx', bytes: garbled }, 422, /could not be read as a Word document/);
});

test('a file over the size limit is refused before it is read', async () => {
  const big = new Uint8Array(IMPORT_SIZE_LIMIT + 1).fill(0x61);
  await refuses({ name: 'huge.txt', bytes: big }, 413, /larger than the 10 MB import limit/);
});

test('a binary file named .txt is refused as not plain text, naming the character and its line', async () => {
  const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
  await refuses({ name: 'photo.txt', bytes: binary }, 422, /“photo\.txt” is not plain text: line 2 has a control character \(U\+001A\)/);
});

test('a stray control byte is refused the same way wherever it is, with its line, in text and in Markdown', async () => {
  const lines = Array.from({ length: 3000 }, (_, i) => `Line ${i + 1} of a long draft, with enough words to pass eight kilobytes.`);
  const withByte = (at: number, byte: string) => lines.map((line, i) => (i === at ? `${line.slice(0, 10)}${byte}${line.slice(10)}` : line)).join('\n');
  // Early (where only a NUL in the first 8 KB used to be caught) and late (where it used to be imported).
  await refuses({ name: 'early.txt', bytes: encode(withByte(0, '\u0000')) }, 422, /line 1 has a control character \(U\+0000\)/);
  await refuses({ name: 'late.txt', bytes: encode(withByte(2499, '\u0000')) }, 422, /line 2,500 has a control character \(U\+0000\)/);
  await refuses({ name: 'late.md', bytes: encode(withByte(1999, '\u001b')) }, 422, /“late\.md” is not plain text: line 2,000 has a control character \(U\+001B\)/);
  await refuses({ name: 'c1.txt', bytes: encode(withByte(4, '\u0085')) }, 422, /line 5 has a control character \(U\+0085\)/);
});

test('tabs, form feeds and vertical tabs are white space, not refused', async () => {
  const m = await importFile({ name: 'pages.txt', bytes: encode('Chapter 1\n\tShe left.\f\nChapter 2\n\vHe stayed.\n') });
  assert.match(JSON.stringify(m), /She left\./);
  assert.match(JSON.stringify(m), /He stayed\./);
});

test('Markdown nested thousands of levels deep is refused with a clear 422 and its line, not a crash', async () => {
  await refuses({ name: 'quotes.md', bytes: encode(`Intro.\n\n${'>'.repeat(20_000)} deep words\n`) }, 422, /“quotes\.md” cannot be imported as Markdown: it has quotes or lists nested more than 64 levels deep \(line 3\)/);
  await refuses({ name: 'mixed.md', bytes: encode('> - '.repeat(5000) + 'x') }, 422, /nested more than 64 levels deep \(line 1\)/);
  const indented = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 2)}- item ${i}`).join('\n');
  await refuses({ name: 'indented.md', bytes: encode(indented) }, 422, /nested more than 64 levels deep \(line 6\d\)/);
  // A text file that looks like Markdown goes the same way.
  await refuses({ name: 'quotes.txt', bytes: encode(`# Title\n${'> '.repeat(10_000)}x\n`) }, 422, /nested more than 64 levels deep/);
});

test('emphasis marks by the thousand (which the parser matches in quadratic time) are refused, not parsed for minutes', async () => {
  await refuses({ name: 'stars.md', bytes: encode('Fine.\n\n' + '*'.repeat(20_000) + 'word' + '*'.repeat(20_000)) }, 422, /a paragraph with more than 2,000 emphasis or link marks \(line 3\)/);
  const paragraph = Array.from({ length: 200 }, () => '*a'.repeat(499)).join('\n');
  await refuses({ name: 'long.md', bytes: encode(paragraph) }, 422, /more than 2,000 emphasis or link marks \(line 1\)/);
  const many = Array.from({ length: 2500 }, () => '*a'.repeat(999)).join('\n\n');
  await refuses({ name: 'many.md', bytes: encode(many) }, 422, /too many emphasis and link marks in all/);
});

test('ordinary nesting and emphasis import as before', async () => {
  const m = await importFile({ name: 'ok.md', bytes: encode('# One\n\n> A quote\n> > within a quote\n\n- a list\n  - nested\n    - deeper\n\nShe was *very* **sure** of [it].\n') });
  const json = JSON.stringify(m);
  for (const words of ['within a quote', 'deeper', 'very', 'sure']) assert.match(json, new RegExp(words));
});

test('text in Windows-1252 (not UTF-8) still imports with its curly quotes', async () => {
  const bytes = new Uint8Array([...encode('Chapter 1\n'), 0x93, ...encode('Hello,'), 0x94, ...encode(' she said.\n')]);
  const m = await importFile({ name: 'old.txt', bytes });
  assert.match(JSON.stringify(m), /“Hello,” she said\./);
});

test('a .docx that would unpack to far more than any novel is refused before it is unpacked', async () => {
  const real = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Hello there.')] }] })));
  // Declare a 300 MB entry in the central directory, as a zip bomb would.
  const bomb = real.slice();
  const view = new DataView(bomb.buffer);
  for (let at = bomb.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    view.setUint32(view.getUint32(at + 16, true) + 24, 300 * 1024 * 1024, true);
    break;
  }
  await refuses({ name: 'bomb.docx', bytes: bomb }, 413, /unpacks to more than 200 MB/);
});

test('UTF-16 text (Windows "Unicode") is read, not refused as binary', async () => {
  const text = '\uFEFFChapter 1: Été\nUn café, s’il vous plaît.\n';
  const le = new Uint8Array(Buffer.from(text, 'utf16le'));
  const m = await importFile({ name: 'notepad.txt', bytes: le });
  assert.match(JSON.stringify(m), /"text":"Été"/);
  assert.match(JSON.stringify(m), /Un café, s’il vous plaît\./);
});

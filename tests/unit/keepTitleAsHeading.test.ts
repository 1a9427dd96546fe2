import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonText } from '@model/manuscript/jsonText';
import { importFile } from '../../server/import/importFile';
import { keepTitleAsHeading } from '../../server/import/keepTitleAsHeading';

const md = (text: string) => importFile({ name: 'file.md', bytes: new TextEncoder().encode(text) });
const headings = (m: { sections: { kind: string; content: { content?: { content?: unknown[] }[] } }[] }) =>
  m.sections.map((s) => `${s.kind}: ${jsonText((s.content.content![0].content![0] ?? {}) as never)}`);

test('an appended file’s title names its untitled first chapter', async () => {
  const imported = await md('# The Storm\n\nRain fell all night.');
  assert.equal(imported.titleStated, true);
  assert.deepEqual(headings(keepTitleAsHeading(imported)), ['chapter: The Storm']);
});

test('an appended file’s title becomes a part when its chapters have titles of their own', async () => {
  const imported = await md('# Book Two\n\n## Chapter 1: Arrival\n\nText.\n\n## Chapter 2: Departure\n\nMore.');
  assert.deepEqual(headings(keepTitleAsHeading(imported)), ['part: Book Two', 'chapter: Arrival', 'chapter: Departure']);
  assert.deepEqual(headings(imported), ['chapter: Arrival', 'chapter: Departure'], 'the input is left unchanged');
});

test('a file without a title of its own is not given one from its name', async () => {
  const imported = await md('## Chapter 1\n\nText.');
  assert.equal(imported.titleStated, false);
});

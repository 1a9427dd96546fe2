import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordsOf } from '@model/manuscript/countWords';
import { bookToDocx } from '../../server/export/bookToDocx';
import { bookToStandardManuscript } from '../../server/export/bookToStandardManuscript';
import { importFile } from '../../server/import/importFile';
import { sampleManuscript } from '../../prisma/seed/sampleManuscript';
import { everythingBook, everythingManuscript, sampleNovelBook } from '../support/exportFixtures';
import { manuscriptText, normalisedSections } from '../support/manuscriptWords';

for (const [name, render] of [
  ['book DOCX', bookToDocx],
  ['Standard Manuscript Format DOCX', bookToStandardManuscript],
] as const) {
  test(`a ${name} exported by Quire imports back with the same title, structure, marks and words`, async () => {
    const everything = await importFile({ name: 'book.docx', bytes: await render(everythingBook()) });
    assert.equal(everything.title, everythingManuscript().title);
    assert.deepEqual(normalisedSections(everything), normalisedSections(everythingManuscript()));

    const novel = await importFile({ name: 'novel.docx', bytes: await render(sampleNovelBook()) });
    assert.deepEqual(normalisedSections(novel), normalisedSections(sampleManuscript()));
    assert.deepEqual(wordsOf(manuscriptText(novel)), wordsOf(manuscriptText(sampleManuscript())));
  });
}

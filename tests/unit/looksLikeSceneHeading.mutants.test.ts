// What a plain-text line needs to pass for a scene heading: written to kill the mutants
// `npm run test:mutation` found surviving in looksLikeSceneHeading's limits and patterns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeSceneHeading } from '../../server/import/looksLikeSceneHeading';

test('looksLikeSceneHeading: short, capitalised, unpunctuated lines only', () => {
  const seventy = `Aaaaaaaaa ${'b'.repeat(60)}`; // 2 words, 70 characters
  assert.equal(seventy.length, 70);
  assert.equal(looksLikeSceneHeading(seventy), true, 'exactly 70 characters is still short');
  assert.equal(looksLikeSceneHeading(`${seventy}c`), false, '71 characters is too long');
  const tenWords = 'One two three four five six seven eight nine ten';
  assert.equal(looksLikeSceneHeading(tenWords), true, 'ten words is still short');
  assert.equal(looksLikeSceneHeading(`${tenWords} eleven`), false, 'eleven words is too many');
  assert.equal(looksLikeSceneHeading('The "Quoted" Place'), true, 'a quotation mark inside does not make dialogue');
  assert.equal(looksLikeSceneHeading('"Run," she said'), false);
  assert.equal(looksLikeSceneHeading('(An aside'), false);
  assert.equal(looksLikeSceneHeading('the Storm'), false, 'a lower-case start');
  assert.equal(looksLikeSceneHeading('Élan Vital'), true, 'any upper-case letter, not only A-Z');
  assert.equal(looksLikeSceneHeading('Gate C, the waiting field.'), false);
  assert.equal(looksLikeSceneHeading(''), false);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countWords } from '@model/manuscript/countWords';

test('counts words as a reader would', () => {
  assert.equal(countWords(''), 0);
  assert.equal(countWords('  \n\t '), 0);
  assert.equal(countWords('One two three.'), 3);
  assert.equal(countWords('4:00 AM—again.'), 4); // 4, 00, AM, again: dashes and colons separate
  assert.equal(countWords("Don't stop the well-known thing"), 5);
  assert.equal(countWords('Lena’s “first” call — finally'), 4);
  assert.equal(countWords('* * *'), 0);
  assert.equal(countWords('Café naïve façade'), 3);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manuscriptSchema } from '@model/schema';
import { markNames, nodeNames } from '@model/schema/names';

test('nodeNames and markNames name every node and mark of the manuscript schema, and nothing else', () => {
  assert.deepEqual(Object.values(nodeNames).sort(), Object.keys(manuscriptSchema.nodes).sort());
  assert.deepEqual(Object.values(markNames).sort(), Object.keys(manuscriptSchema.marks).sort());
});

test('each name is the one stored documents use: renaming an extension would orphan every saved manuscript', () => {
  for (const [key, name] of [...Object.entries(nodeNames), ...Object.entries(markNames)]) assert.equal(name, key, `${key} is named ${name}`);
});

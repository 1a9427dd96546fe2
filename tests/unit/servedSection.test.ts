import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { servedSection } from '../../server/manuscripts/servedManuscript';
import { readSectionContent, sectionContent, writeSectionContent } from '@model/manuscript/sectionDocument';

/** A chapter as the server keeps it (no garbage collection), with a paragraph typed and mostly deleted again. */
function typedChapter(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  writeSectionContent(doc, {
    type: 'doc',
    content: [{ type: 'chapter', content: [{ type: 'chapterTitle', content: [{ type: 'text', text: 'One' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'Kept.' }] }] }],
  });
  const text = ((sectionContent(doc).get(0) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlText;
  for (let i = 0; i < 300; i++) {
    text.insert(text.length, ` word${i}`);
    if (i % 3 !== 0) text.delete(text.length - ` word${i}`.length, ` word${i}`.length);
  }
  return doc;
}

test("the served state leaves out deleted text, keeps the stored state vector and merges with the server's document", () => {
  const server = typedChapter();
  const stored = Y.encodeStateAsUpdateV2(server);
  const served = servedSection(stored);
  const state = Buffer.from(served.state, 'base64');
  assert.ok(state.byteLength < stored.byteLength * 0.7, `served ${state.byteLength} bytes against ${stored.byteLength} stored`);
  assert.deepEqual(served.content, readSectionContent(server));

  // The browser starts from the served state, and the two documents sync as any two Yjs peers.
  const browser = new Y.Doc();
  Y.applyUpdateV2(browser, state);
  assert.deepEqual(Y.encodeStateVector(browser), Y.encodeStateVector(server));
  const browserText = ((sectionContent(browser).get(0) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlText;
  browserText.insert(0, 'Browser. ');
  const serverText = ((sectionContent(server).get(0) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlText;
  serverText.insert(serverText.length, ' server');
  Y.applyUpdateV2(server, Y.encodeStateAsUpdateV2(browser, Y.encodeStateVector(server)));
  Y.applyUpdateV2(browser, Y.encodeStateAsUpdateV2(server, Y.encodeStateVector(browser)));
  assert.deepEqual(readSectionContent(browser), readSectionContent(server));
  assert.match(serverText.toString(), /^Browser\. Kept\. word0 word3 .* server$/);
});

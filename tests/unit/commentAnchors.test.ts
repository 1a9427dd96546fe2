import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manuscriptSchema } from '@model/schema';
import { commentAnchors } from '@model/manuscript/commentAnchors';

const comment = (threadId: string) => ({ type: 'comment', attrs: { threadId } });

test('comment anchors come in reading order, with overlapping and split passages whole', () => {
  const doc = manuscriptSchema.nodeFromJSON({
    type: 'doc',
    content: [
      {
        type: 'chapter',
        content: [
          { type: 'chapterTitle', content: [{ type: 'text', text: 'Title', marks: [comment('late')] }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'One ', marks: [comment('first')] },
              { type: 'text', text: 'two', marks: [comment('first'), comment('second'), { type: 'bold' }] },
              { type: 'text', text: ' three ' },
              { type: 'text', text: 'four', marks: [comment('first')] },
            ],
          },
        ],
      },
    ],
  });
  const anchors = commentAnchors(doc);
  assert.deepEqual(
    anchors.map((a) => [a.threadId, a.text]),
    [
      ['late', 'Title'],
      ['first', 'One two four'],
      ['second', 'two'],
    ],
  );
  const first = anchors.find((a) => a.threadId === 'first')!;
  assert.equal(doc.textBetween(first.from, first.to), 'One two three four');
});

test('a section without comments has no anchors', () => {
  const doc = manuscriptSchema.nodeFromJSON({ type: 'doc', content: [{ type: 'dedication', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'For M.' }] }] }] });
  assert.deepEqual(commentAnchors(doc), []);
});

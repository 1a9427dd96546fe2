import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { manuscriptSchema } from '@model/schema';
import { readSectionContent, sectionContent, writeSectionContent } from '@model/manuscript/sectionDocument';
import { changesOnlyComments } from '../../server/sync/commentOnlyUpdate';
import { editRaw, editThroughProseMirror, positionOf } from '../support/clientEdits';

const CHAPTER = {
  type: 'doc',
  content: [
    {
      type: 'chapter',
      content: [
        { type: 'chapterTitle', content: [{ type: 'text', text: 'The Lot' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Rain on the ' }, { type: 'text', text: 'lot', marks: [{ type: 'bold' }] }, { type: 'text', text: ' all night.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Morning came late.' }] },
      ],
    },
  ],
};

/** The server's copy of a chapter (history kept, as the sync server keeps it). */
function serverChapter(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  writeSectionContent(doc, CHAPTER);
  return doc;
}

const allowed = (server: Y.Doc, update: Uint8Array) => changesOnlyComments(server, update, Y.decodeUpdate(update));

const find = positionOf;

const comment = (threadId: string) => manuscriptSchema.marks.comment.create({ threadId });

/** The thread ids marked on each text run of the section, in reading order. */
function commentRuns(doc: Y.Doc): Array<[string, string[]]> {
  const runs: Array<[string, string[]]> = [];
  const visit = (node: { text?: string; marks?: Array<{ type: string; attrs?: { threadId?: string } }>; content?: unknown[] }) => {
    if (node.text) runs.push([node.text, (node.marks ?? []).filter((m) => m.type === 'comment').map((m) => m.attrs!.threadId!).sort()]);
    for (const child of (node.content ?? []) as (typeof node)[]) visit(child);
  };
  visit(readSectionContent(doc) as Parameters<typeof visit>[0]);
  return runs;
}

test('marking a passage for a comment is a change a commenter may make, and it lands as a comment mark', () => {
  const server = serverChapter();
  const update = editThroughProseMirror(server, (tr, doc) => tr.addMark(find(doc, 'Rain'), find(doc, 'Rain') + 'Rain on the lot'.length, comment('thread000001')));
  assert.equal(allowed(server, update), true);
  Y.applyUpdate(server, update);
  assert.deepEqual(commentRuns(server).slice(0, 3), [
    ['The Lot', []],
    ['Rain on the ', ['thread000001']],
    ['lot', ['thread000001']],
  ]);
});

test('overlapping threads, and taking a thread off again, are comment-only changes', () => {
  const server = serverChapter();
  Y.applyUpdate(server, editThroughProseMirror(server, (tr, doc) => tr.addMark(find(doc, 'Rain'), find(doc, ' all'), comment('thread000001'))));
  const overlap = editThroughProseMirror(server, (tr, doc) => tr.addMark(find(doc, 'lot'), find(doc, 'night') + 5, comment('thread000002')));
  assert.equal(allowed(server, overlap), true);
  Y.applyUpdate(server, overlap);
  assert.deepEqual(
    commentRuns(server).find(([text]) => text === 'lot'),
    ['lot', ['thread000001', 'thread000002']],
  );
  const removal = editThroughProseMirror(server, (tr, doc) => tr.removeMark(0, doc.content.size, comment('thread000001')));
  assert.equal(allowed(server, removal), true);
  Y.applyUpdate(server, removal);
  assert.ok(commentRuns(server).every(([, threads]) => !threads.includes('thread000001')));
});

test('typing, deleting, formatting or restructuring text is refused, alone or with a comment', () => {
  const server = serverChapter();
  const refused: Record<string, Uint8Array> = {
    'typing a word': editThroughProseMirror(server, (tr, doc) => tr.insert(find(doc, 'all'), manuscriptSchema.text('cold '))),
    'deleting a word': editThroughProseMirror(server, (tr, doc) => tr.delete(find(doc, 'Morning'), find(doc, 'Morning') + 8)),
    'making a word bold': editThroughProseMirror(server, (tr, doc) => tr.addMark(find(doc, 'Rain'), find(doc, 'Rain') + 4, manuscriptSchema.marks.bold.create())),
    'taking bold off': editThroughProseMirror(server, (tr, doc) => tr.removeMark(0, doc.content.size, manuscriptSchema.marks.bold)),
    'splitting a paragraph': editThroughProseMirror(server, (tr, doc) => tr.split(find(doc, 'came'))),
    'turning a paragraph into a scene heading': editThroughProseMirror(server, (tr, doc) => tr.setBlockType(find(doc, 'Morning'), find(doc, 'Morning'), manuscriptSchema.nodes.sceneHeading)),
    'a comment and a typed word in one update': editThroughProseMirror(server, (tr, doc) => {
      tr.addMark(find(doc, 'Rain'), find(doc, 'Rain') + 4, comment('thread000003'));
      tr.insert(find(doc, 'late') + 4, manuscriptSchema.text('!'));
    }),
  };
  for (const [change, update] of Object.entries(refused)) assert.equal(allowed(server, update), false, change);
});

test('hostile updates are refused: a comment key on a map, a new root type, text carrying a comment attribute, an element attribute', () => {
  const server = serverChapter();
  const refused: Record<string, Uint8Array> = {
    'a comment key set on a map': editRaw(server, (doc) => doc.getMap('meta').set('comment--AAAAAAAA', { threadId: 'x' })),
    'a comment mark on text in a new root': editRaw(server, (doc) => {
      const other = doc.getText('other');
      other.insert(0, 'x');
      other.format(0, 1, { comment: { threadId: 'x' } });
    }),
    'text inserted with a comment attribute': editRaw(server, (doc) => {
      const paragraph = (sectionContent(doc).get(0) as Y.XmlElement).get(2) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(0, 'Secretly ', { comment: { threadId: 'x' } });
    }),
    'an element attribute changed': editRaw(server, (doc) => (sectionContent(doc).get(0) as Y.XmlElement).setAttribute('id', 'x')),
  };
  for (const [change, update] of Object.entries(refused)) assert.equal(allowed(server, update), false, change);
});

test('an update that changes nothing at all passes (a client answering sync with nothing new)', () => {
  const server = serverChapter();
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const empty = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
  assert.equal(allowed(server, empty), true);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { manuscriptSchema } from '@model/schema';
import { measureSection, readSectionContent, writeSectionContent } from '@model/manuscript/sectionDocument';
import { suggestTransaction } from '@model/suggestions/suggestTransaction';
import { newSuggestionId, suggestionAuthor, suggestionTime } from '@model/suggestions/suggestionId';
import { acceptAll, acceptedContent, acceptedText, settleSuggestion, withoutSuggestionsBy } from '@model/suggestions/pendingSuggestions';
import { listSuggestions } from '@model/suggestions/listSuggestions';
import { changesOnlyCommentsAndOwnSuggestions } from '../../server/sync/commentOnlyUpdate';
import { editRaw, editThroughProseMirror, positionOf } from '../support/clientEdits';
import { diffManuscripts } from '../../server/revisions/diffManuscripts';

const CHAPTER = {
  type: 'doc',
  content: [
    {
      type: 'chapter',
      content: [
        { type: 'chapterTitle', content: [{ type: 'text', text: 'The Lot' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Rain on the lot all night.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Morning came late.' }] },
      ],
    },
  ],
};

const start = () => EditorState.create({ doc: manuscriptSchema.nodeFromJSON(CHAPTER) });

/** Applies what `edit` does to `state` as `authorId` would in Suggesting. */
function suggest(state: EditorState, authorId: string, edit: (tr: Transaction) => void): EditorState {
  const tr = state.tr;
  edit(tr);
  const suggesting = suggestTransaction(tr, state, authorId);
  assert.ok(suggesting, 'the change can be a suggestion');
  return state.apply(suggesting);
}

/** The section's paragraphs as plain text, markers removed. */
const paragraphs = (doc: ProseMirrorNode) => {
  const lines: string[] = [];
  doc.descendants((node) => {
    if (node.isTextblock) lines.push(node.textContent.replaceAll('\u200B', ''));
    return !node.isTextblock;
  });
  return lines;
};

/** Every suggestion mark's kind, author and text, in reading order. */
const marked = (doc: ProseMirrorNode) => {
  const runs: Array<[string, string | null, string]> = [];
  doc.descendants((node) => {
    const mark = node.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion');
    if (node.isText && mark) runs.push([mark.type.name, suggestionAuthor(mark.attrs.id), node.text!.replaceAll('\u200B', '')]);
  });
  return runs;
};

test('a suggestion id names its author and time', () => {
  const id = newSuggestionId('user-7', Date.UTC(2026, 11, 2, 10, 42));
  assert.equal(suggestionAuthor(id), 'user-7');
  assert.equal(suggestionTime(id)?.toISOString(), '2026-12-02T10:42:00.000Z');
  assert.equal(suggestionAuthor(42), null);
  assert.equal(suggestionAuthor('not|one'), null);
});

test('typing and deleting in Suggesting keep the text and mark what would change', () => {
  let state = start();
  state = suggest(state, 'ana', (tr) => tr.insertText(' heavy', positionOf(tr.doc, 'Rain') + 4));
  state = suggest(state, 'ana', (tr) => tr.delete(positionOf(tr.doc, ' all night'), positionOf(tr.doc, ' all night') + ' all night'.length));
  assert.deepEqual(paragraphs(state.doc), ['The Lot', 'Rain heavy on the lot all night.', 'Morning came late.']);
  assert.deepEqual(marked(state.doc), [
    ['insertion', 'ana', ' heavy'],
    ['deletion', 'ana', ' all night'],
  ]);
  assert.deepEqual(paragraphs(acceptedText(state.doc)), ['The Lot', 'Rain on the lot all night.', 'Morning came late.']);
  assert.deepEqual(paragraphs(acceptAll(state.doc)), ['The Lot', 'Rain heavy on the lot.', 'Morning came late.']);
});

test('a suggestion next to a co-writer’s keeps its own author, and theirs stays theirs', () => {
  let state = start();
  state = suggest(state, 'ana', (tr) => tr.insertText(' heavy', positionOf(tr.doc, 'Rain') + 4));
  // Ben types right after Ana's proposed word: the library would join it to Ana's suggestion.
  state = suggest(state, 'ben', (tr) => tr.insertText(', cold', positionOf(tr.doc, ' heavy') + ' heavy'.length));
  // And deletes the word just before Ana's.
  state = suggest(state, 'ben', (tr) => tr.delete(positionOf(tr.doc, 'Rain'), positionOf(tr.doc, 'Rain') + 4));
  assert.deepEqual(marked(state.doc), [
    ['deletion', 'ben', 'Rain'],
    ['insertion', 'ana', ' heavy'],
    ['insertion', 'ben', ', cold'],
  ]);
  const suggestions = listSuggestions(state.doc);
  // One suggestion per change: Ben's two edits are two suggestions, each his.
  assert.deepEqual(suggestions.map((s) => [s.authorId, s.inserted, s.deleted]).sort(), [
    ['ana', ' heavy', ''],
    ['ben', ', cold', ''],
    ['ben', '', 'Rain'],
  ]);
  // Taking Ben's out leaves Ana's untouched.
  assert.deepEqual(marked(withoutSuggestionsBy(state.doc, 'ben')), [['insertion', 'ana', ' heavy']]);
});

test('accepting or rejecting one suggestion leaves the others pending', () => {
  let state = start();
  state = suggest(state, 'ana', (tr) => tr.insertText(' heavy', positionOf(tr.doc, 'Rain') + 4));
  state = suggest(state, 'ben', (tr) => tr.insertText(' grey', positionOf(tr.doc, 'Morning') + 7));
  const [ana, ben] = listSuggestions(state.doc);
  const accepted = settleSuggestion(state.doc, ana.id, true)!;
  assert.deepEqual(paragraphs(accepted), ['The Lot', 'Rain heavy on the lot all night.', 'Morning grey came late.']);
  assert.deepEqual(marked(accepted), [['insertion', 'ben', ' grey']]);
  const rejected = settleSuggestion(accepted, ben.id, false)!;
  assert.deepEqual(paragraphs(rejected), ['The Lot', 'Rain heavy on the lot all night.', 'Morning came late.']);
  assert.deepEqual(marked(rejected), []);
  assert.equal(settleSuggestion(rejected, 'nobody|0|0', true), null);
});

test('a paragraph split or a whole paragraph deleted in Suggesting is kept as inline marks Yjs can store', () => {
  let state = start();
  state = suggest(state, 'ana', (tr) => tr.split(positionOf(tr.doc, ' all night')));
  assert.deepEqual(paragraphs(state.doc), ['The Lot', 'Rain on the lot', ' all night.', 'Morning came late.']);
  const blockMarks = (doc: ProseMirrorNode) => {
    let count = 0;
    doc.descendants((node) => {
      if (!node.isInline && node.marks.length > 0) count++;
    });
    return count;
  };
  assert.equal(blockMarks(state.doc), 0);
  assert.deepEqual(paragraphs(acceptedText(state.doc)), ['The Lot', 'Rain on the lot all night.', 'Morning came late.']);
  // The whole last paragraph, selected as a block range.
  const last = state.doc.firstChild!.lastChild!;
  const lastStart = state.doc.content.size - 1 - last.nodeSize;
  state = suggest(state, 'ana', (tr) => tr.delete(lastStart, lastStart + last.nodeSize));
  assert.equal(blockMarks(state.doc), 0);
  assert.ok(marked(state.doc).some(([kind, , text]) => kind === 'deletion' && text === 'Morning came late.'));
  assert.deepEqual(paragraphs(acceptedText(state.doc)), ['The Lot', 'Rain on the lot all night.', 'Morning came late.']);
});

test('a change to a block’s kind cannot be a suggestion and is not made', () => {
  const state = start();
  const tr = state.tr.setNodeMarkup(positionOf(state.doc, 'Morning') - 1, manuscriptSchema.nodes.sceneHeading);
  assert.equal(suggestTransaction(tr, state, 'ana'), null);
});

test('word counts and exports read the accepted text only', () => {
  let state = start();
  state = suggest(state, 'ana', (tr) => tr.insertText(' heavy heavy heavy', positionOf(tr.doc, 'Rain') + 4));
  state = suggest(state, 'ana', (tr) => tr.delete(positionOf(tr.doc, 'Morning'), positionOf(tr.doc, 'Morning') + 'Morning'.length));
  const doc = new Y.Doc();
  writeSectionContent(doc, state.doc.toJSON());
  const plain = new Y.Doc();
  writeSectionContent(plain, CHAPTER);
  assert.equal(measureSection(doc).words, measureSection(plain).words);
  assert.deepEqual(acceptedContent(state.doc.toJSON()), manuscriptSchema.nodeFromJSON(CHAPTER).toJSON());
  // Content without suggestions is returned as it is.
  assert.equal(acceptedContent(CHAPTER), CHAPTER);
});

/** The server's copy of the chapter, with `setup` already applied (say, a co-writer's suggestion). */
function serverChapter(content: object = CHAPTER): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  writeSectionContent(doc, content as typeof CHAPTER);
  return doc;
}

const commenterMay = (server: Y.Doc, update: Uint8Array, who = 'carla') => changesOnlyCommentsAndOwnSuggestions(server, update, Y.decodeUpdate(update), who);

/** A client's update that makes `edit` as a suggestion by `authorId`. */
function suggestionUpdate(server: Y.Doc, authorId: string, edit: (tr: Transaction) => void): Uint8Array {
  return editThroughProseMirror(server, (_tr, doc) => suggest(EditorState.create({ doc }), authorId, edit).doc);
}

test('the sync server takes a commenter’s own suggestions: proposing, deleting, splitting, withdrawing', () => {
  const server = serverChapter();
  const insert = suggestionUpdate(server, 'carla', (tr) => tr.insertText(' heavy', positionOf(tr.doc, 'Rain') + 4));
  assert.equal(commenterMay(server, insert), true);
  Y.applyUpdate(server, insert);
  const remove = suggestionUpdate(server, 'carla', (tr) => tr.delete(positionOf(tr.doc, 'late'), positionOf(tr.doc, 'late') + 4));
  assert.equal(commenterMay(server, remove), true);
  Y.applyUpdate(server, remove);
  const split = suggestionUpdate(server, 'carla', (tr) => tr.split(positionOf(tr.doc, ' all night')));
  assert.equal(commenterMay(server, split), true);
  Y.applyUpdate(server, split);
  // Withdrawing: deleting their own proposed word for real.
  const withdraw = editThroughProseMirror(server, (tr, doc) => {
    const at = positionOf(doc, ' heavy');
    tr.delete(at, at + ' heavy'.length);
  });
  assert.equal(commenterMay(server, withdraw), true);
});

test('the sync server refuses a commenter’s change to the text, or to anyone else’s suggestion', () => {
  const server = serverChapter();
  Y.applyUpdate(server, suggestionUpdate(server, 'ana', (tr) => tr.insertText(' heavy', positionOf(tr.doc, 'Rain') + 4)));
  const anaId = listSuggestions(manuscriptSchema.nodeFromJSON(readSectionContent(server)))[0].id;
  const forbidden: Record<string, Uint8Array> = {
    'typing straight into the text': editThroughProseMirror(server, (tr, doc) => tr.insert(positionOf(doc, 'late') + 4, manuscriptSchema.text('!'))),
    'deleting text for real': editThroughProseMirror(server, (tr, doc) => tr.delete(positionOf(doc, 'late'), positionOf(doc, 'late') + 4)),
    'accepting a co-writer’s suggestion': editThroughProseMirror(server, (_tr, doc) => settleSuggestion(doc, anaId, true)!),
    'rejecting a co-writer’s suggestion': editThroughProseMirror(server, (_tr, doc) => settleSuggestion(doc, anaId, false)!),
    'a suggestion made in a co-writer’s name': suggestionUpdate(server, 'ana', (tr) => tr.insertText(' grey', positionOf(tr.doc, 'Morning') + 7)),
    'proposed text marked as a proposed deletion': editThroughProseMirror(server, (tr, doc) => {
      const at = positionOf(doc, 'late') + 4;
      tr.insert(at, manuscriptSchema.text(' indeed'));
      tr.addMark(at, at + 7, manuscriptSchema.marks.deletion.create({ id: newSuggestionId('carla') }));
    }),
    'a formatting change dressed as a suggestion': editThroughProseMirror(server, (tr, doc) => tr.addMark(positionOf(doc, 'Morning'), positionOf(doc, 'Morning') + 7, manuscriptSchema.marks.bold.create())),
    'a second root in the section document': editRaw(server, (doc) => doc.getMap('extra').set('x', 1)),
  };
  for (const [what, update] of Object.entries(forbidden)) assert.equal(commenterMay(server, update), false, what);
});

test('the compare lists suggestions as such, and an accepted one as a text change', () => {
  const book = (doc: ProseMirrorNode) => ({ title: 'T', sections: [{ id: 'c1', kind: 'chapter' as const, content: doc.toJSON() }] });
  const plain = start();
  const suggested = suggest(plain, 'ana', (tr) => tr.insertText(' heavy', positionOf(tr.doc, 'Rain') + 4));
  const pending = diffManuscripts(book(plain.doc), book(suggested.doc)).sections[0];
  assert.equal(pending.status, 'same');
  assert.deepEqual(pending.suggestions?.added.map((s) => [s.authorId, s.inserted]), [['ana', ' heavy']]);
  const accepted = acceptAll(suggested.doc);
  const settled = diffManuscripts(book(suggested.doc), book(accepted)).sections[0];
  assert.equal(settled.status, 'changed');
  assert.equal(settled.added, 1);
  assert.deepEqual(settled.suggestions?.settled.map((s) => [s.inserted, s.outcome]), [[' heavy', 'accepted']]);
  const rejected = diffManuscripts(book(suggested.doc), book(acceptedText(suggested.doc))).sections[0];
  assert.equal(rejected.status, 'same');
  assert.deepEqual(rejected.suggestions?.settled.map((s) => [s.inserted, s.outcome]), [[' heavy', 'rejected']]);
});

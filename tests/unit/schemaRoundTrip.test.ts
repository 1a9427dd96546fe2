import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { importPlainText } from '../../server/import/importPlainText';
import { writeManuscriptToYDoc } from '@model/manuscript/manuscriptToYDoc';
import { yDocToManuscript } from '@model/manuscript/yDocToManuscript';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import { manuscriptSchema } from '@model/schema';
import { SAMPLE_TEXT_PATH } from '../../prisma/seed/sampleManuscript';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';

/** Normalises JSON the way ProseMirror does (default attributes filled in) for comparison. */
function normalised(manuscript: ManuscriptJson): ManuscriptJson {
  return {
    title: manuscript.title,
    sections: manuscript.sections.map((s) => ({ ...s, content: manuscriptSchema.nodeFromJSON(s.content).toJSON() })),
  };
}

test('the sample novel survives JSON -> Y.Doc -> binary state -> Y.Doc -> JSON unchanged', () => {
  const original = importPlainText(readFileSync(SAMPLE_TEXT_PATH, 'utf8'), { title: 'Call Time' });
  const doc = writeManuscriptToYDoc(original);
  const reloaded = new Y.Doc();
  Y.applyUpdateV2(reloaded, Y.encodeStateAsUpdateV2(doc));
  assert.deepEqual(normalised(yDocToManuscript(reloaded)), normalised(original));
});

test('a new manuscript has a title, an empty dedication, one empty epigraph and Chapter 1', () => {
  const manuscript = newManuscript('My Book');
  const roundTripped = yDocToManuscript(writeManuscriptToYDoc(manuscript));
  assert.equal(roundTripped.title, 'My Book');
  assert.deepEqual(
    roundTripped.sections.map((s) => s.kind),
    ['dedication', 'epigraphs', 'chapter'],
  );
  const epigraphs = roundTripped.sections[1].content.content![0];
  assert.equal(epigraphs.content!.length, 1);
  assert.deepEqual(
    epigraphs.content![0].content!.map((n) => n.type),
    ['epigraphQuote', 'epigraphAttribution'],
  );
});

test('every node round-trips: formatting (code too), subtitle, scene heading and break, hard break', () => {
  const manuscript: ManuscriptJson = {
    title: 'Marks',
    sections: [
      {
        id: 'c1',
        kind: 'chapter',
        content: {
          type: 'doc',
          content: [
            {
              type: 'chapter',
              content: [
                { type: 'chapterTitle', content: [{ type: 'text', text: 'The ' }, { type: 'text', text: 'Title', marks: [{ type: 'italic' }] }] },
                { type: 'chapterSubtitle', content: [{ type: 'text', text: 'In which' }] },
                { type: 'sceneHeading', content: [{ type: 'text', text: 'Night' }] },
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
                    { type: 'hardBreak' },
                    { type: 'text', text: 'both', marks: [{ type: 'bold' }, { type: 'italic' }] },
                    { type: 'text', text: ' then ' },
                    { type: 'text', text: 'rm -rf', marks: [{ type: 'code' }] },
                    { type: 'text', text: ' and ' },
                    { type: 'text', text: 'sudo', marks: [{ type: 'bold' }, { type: 'code' }] },
                  ],
                },
                { type: 'sceneBreak' },
                { type: 'paragraph' },
              ],
            },
          ],
        },
      },
    ],
  };
  assert.deepEqual(normalised(yDocToManuscript(writeManuscriptToYDoc(manuscript))), normalised(manuscript));
});

test('content that breaks the schema is refused before it reaches a document', () => {
  const broken: ManuscriptJson = {
    title: 'Broken',
    sections: [{ id: 'x', kind: 'chapter', content: { type: 'doc', content: [{ type: 'chapter', content: [{ type: 'paragraph' }] }] } }],
  };
  assert.throws(() => writeManuscriptToYDoc(broken));
});

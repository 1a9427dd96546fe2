import Text from '@tiptap/extension-text';
import Paragraph from '@tiptap/extension-paragraph';
import Bold from '@tiptap/extension-bold';
import Italic from '@tiptap/extension-italic';
import HardBreak from '@tiptap/extension-hard-break';
import { Code } from './Code';
import { Comment } from './Comment';
import { Insertion, Deletion, Modification } from './Suggestion';
import { ManuscriptDocument } from './ManuscriptDocument';
import { Dedication } from './Dedication';
import { Epigraphs } from './Epigraphs';
import { Epigraph } from './Epigraph';
import { EpigraphQuote } from './EpigraphQuote';
import { EpigraphAttribution } from './EpigraphAttribution';
import { Part } from './Part';
import { PartTitle } from './PartTitle';
import { Chapter } from './Chapter';
import { ChapterTitle } from './ChapterTitle';
import { ChapterSubtitle } from './ChapterSubtitle';
import { SceneHeading } from './SceneHeading';
import { SceneBreak } from './SceneBreak';

/**
 * The name of every node in the manuscript schema, read from its extension: the `type` of a
 * node in ProseMirror JSON, the `nodeName` of its Yjs XML element, the name the editor's state
 * knows it by. Code that reads documents compares with these instead of spelling the names.
 */
export const nodeNames = {
  doc: ManuscriptDocument.name,
  text: Text.name,
  paragraph: Paragraph.name,
  hardBreak: HardBreak.name,
  dedication: Dedication.name,
  epigraphs: Epigraphs.name,
  epigraph: Epigraph.name,
  epigraphQuote: EpigraphQuote.name,
  epigraphAttribution: EpigraphAttribution.name,
  part: Part.name,
  partTitle: PartTitle.name,
  chapter: Chapter.name,
  chapterTitle: ChapterTitle.name,
  chapterSubtitle: ChapterSubtitle.name,
  sceneHeading: SceneHeading.name,
  sceneBreak: SceneBreak.name,
} as const;

/** The name of every mark in the manuscript schema, read from its extension (see {@link nodeNames}). */
export const markNames = {
  bold: Bold.name,
  italic: Italic.name,
  code: Code.name,
  comment: Comment.name,
  insertion: Insertion.name,
  deletion: Deletion.name,
  modification: Modification.name,
} as const;

import { getSchema, type AnyExtension } from '@tiptap/core';
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
import { OpeningEpigraph } from './OpeningEpigraph';
import { Part } from './Part';
import { PartTitle } from './PartTitle';
import { Chapter } from './Chapter';
import { ChapterTitle } from './ChapterTitle';
import { ChapterSubtitle } from './ChapterSubtitle';
import { SceneHeading } from './SceneHeading';
import { SceneBreak } from './SceneBreak';

/**
 * The one list of manuscript extensions. The browser's editor and the server (importers,
 * exporters, seeding) both build their ProseMirror schema from it, so they can never disagree
 * about what a manuscript may contain.
 */
export const manuscriptExtensions: AnyExtension[] = [
  ManuscriptDocument,
  Text,
  Paragraph,
  Bold,
  Italic,
  Code,
  Comment,
  Insertion,
  Deletion,
  Modification,
  HardBreak,
  Dedication,
  Epigraphs,
  OpeningEpigraph,
  Epigraph,
  EpigraphQuote,
  EpigraphAttribution,
  Part,
  PartTitle,
  Chapter,
  ChapterTitle,
  ChapterSubtitle,
  SceneHeading,
  SceneBreak,
];

/** The ProseMirror schema built from {@link manuscriptExtensions}. */
export const manuscriptSchema = getSchema(manuscriptExtensions);

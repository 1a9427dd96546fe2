import type { JSONContent } from '@tiptap/core';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { jsonText } from '@model/manuscript/jsonText';
import { newId } from '@model/manuscript/newId';
import { nodeNames } from '@model/schema/names';

/**
 * For a file appended to a book, whose own title would otherwise be dropped: the title becomes
 * the first chapter's title when that chapter has none ("# The Storm" over untitled text), or a
 * part of that name before the file's chapters. Returns a new manuscript; the input is unchanged.
 */
export function keepTitleAsHeading(imported: ManuscriptJson, makeId: () => string = newId): ManuscriptJson {
  const title = imported.title.trim();
  const sections = structuredClone(imported.sections);
  const firstBody = sections.findIndex((s) => s.kind === 'chapter' || s.kind === 'part');
  const first = sections[firstBody];
  const heading: JSONContent | undefined = first?.content.content?.[0]?.content?.[0];
  if (first?.kind === 'chapter' && heading?.type === nodeNames.chapterTitle && !jsonText(heading).trim()) {
    heading.content = [{ type: nodeNames.text, text: title }];
  } else {
    const partTitle = { type: nodeNames.partTitle, content: [{ type: nodeNames.text, text: title }] };
    const part = { id: makeId(), kind: 'part' as const, content: { type: nodeNames.doc, content: [{ type: nodeNames.part, content: [partTitle] }] } };
    sections.splice(firstBody < 0 ? sections.length : firstBody, 0, part);
  }
  return { title: imported.title, sections };
}

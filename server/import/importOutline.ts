import type { JSONContent } from '@tiptap/core';
import type { ImportOutline, OutlineSection } from '@model/api/importOutline';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { countWords } from '@model/manuscript/countWords';
import { jsonText } from '@model/manuscript/jsonText';
import { numberSections } from '@model/manuscript/sectionNumbering';
import { nodeNames } from '@model/schema/names';

/** The title lines of chapters and parts, which are not part of a section's body. */
const TITLE_TYPES: string[] = [nodeNames.chapterTitle, nodeNames.chapterSubtitle, nodeNames.partTitle];

const childrenOf = (section: ManuscriptJson['sections'][number]): JSONContent[] => section.content.content?.[0]?.content ?? [];
const textOfType = (children: JSONContent[], type: string) => jsonText(children.find((c) => c.type === type) ?? {}).trim();

/** The first words of a text as written (punctuation kept), cut at a word boundary. */
function openingOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 90) return flat;
  const cut = flat.slice(0, 90);
  return cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 90);
}

/** Summarises imported manuscript JSON for the preview: each section's kind, title, size and opening words. */
export function importOutline(manuscript: ManuscriptJson): ImportOutline {
  const numbering = numberSections(manuscript.sections);
  const stated = manuscript.language ? { language: manuscript.language } : {};
  const sections = manuscript.sections.map((section, index): OutlineSection => {
    const children = childrenOf(section);
    // The text after the heading and the opening epigraphs (a section of epigraphs is all epigraphs).
    const body = children.filter((c) => !TITLE_TYPES.includes(c.type ?? '') && (section.kind === 'epigraphs' || c.type !== nodeNames.epigraph));
    const bodyText = body.map(jsonText).join('\n');
    return {
      kind: section.kind,
      label: numbering[index].numberLabel,
      title: textOfType(children, section.kind === 'part' ? nodeNames.partTitle : nodeNames.chapterTitle),
      subtitle: textOfType(children, nodeNames.chapterSubtitle),
      words: countWords(jsonText(section.content)),
      epigraphs: children.filter((c) => c.type === nodeNames.epigraph).length,
      sceneHeadings: children.filter((c) => c.type === nodeNames.sceneHeading).map((c) => jsonText(c).trim()),
      sceneBreaks: children.filter((c) => c.type === nodeNames.sceneBreak).length,
      opening: openingOf(bodyText || children.map(jsonText).join('\n')),
      blocks: section.kind === 'chapter' ? body.map((block) => (block.type === nodeNames.sceneBreak ? '* * *' : openingOf(jsonText(block)).slice(0, 60))) : [],
    };
  });
  return { title: manuscript.title, ...stated, words: sections.reduce((sum, s) => sum + s.words, 0), sections };
}

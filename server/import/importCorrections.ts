import type { JSONContent } from '@tiptap/core';
import type { ImportCorrection } from '@model/api/importOutline';
import { SECTION_KINDS, type ManuscriptJson, type SectionJson, type SectionKind } from '@model/manuscript/manuscriptJson';
import { jsonText } from '@model/manuscript/jsonText';
import { newId } from '@model/manuscript/newId';
import { nodeNames } from '@model/schema/names';
import { HttpError } from '../http/HttpError';
import { classifyLine } from './classifyLine';
import { withoutDash } from './attributionDash';

/** The most corrections one preview may carry: far more than a writer makes by hand. */
export const MAX_IMPORT_CORRECTIONS = 1000;

const childrenOf = (section: SectionJson): JSONContent[] => section.content.content?.[0]?.content ?? [];
const hasWords = (node: JSONContent) => jsonText(node).trim().length > 0;
const paragraph = (content: JSONContent[] | undefined): JSONContent => (content?.length ? { type: nodeNames.paragraph, content } : { type: nodeNames.paragraph });
const sectionOf = (id: string, kind: SectionKind, children: JSONContent[]): SectionJson => ({ id, kind, content: { type: 'doc', content: [{ type: kind, content: children }] } });

/** A section's heading (chapter or part title), or none. */
function titleOf(section: SectionJson): JSONContent[] | undefined {
  const heading = childrenOf(section).find((c) => c.type === nodeNames.chapterTitle || c.type === nodeNames.partTitle);
  return heading?.content;
}

/**
 * A section's heading as a line of text: as the file wrote it ("Chapter 12", whose number the
 * title does not keep) when the import recorded it, else its title.
 */
function headingLine(section: SectionJson, headings: Record<string, string>): JSONContent[] | undefined {
  const written = headings[section.id];
  return written ? [{ type: 'text', text: written }] : titleOf(section);
}

/** The epigraphs a chapter or part opens with (a section of epigraphs: all of them). */
function epigraphsOf(section: SectionJson): JSONContent[] {
  return childrenOf(section).filter((c) => c.type === nodeNames.epigraph);
}

/** An epigraph as the two lines a writer would type: the quotation, then "— source". */
function epigraphAsParagraphs(epigraph: JSONContent): JSONContent[] {
  const quote = epigraph.content?.find((c) => c.type === nodeNames.epigraphQuote);
  const source = epigraph.content?.find((c) => c.type === nodeNames.epigraphAttribution);
  return [paragraph(quote?.content), ...(source && hasWords(source) ? [paragraph([{ type: 'text', text: '— ' }, ...(source.content ?? [])])] : [])].filter(hasWords);
}

/**
 * Every block of a section after its heading, as chapter text: the subtitle and epigraphs as
 * paragraphs (a dedication's and a section of epigraphs' likewise), scene headings and breaks
 * kept. `withEpigraphs: false` leaves a chapter's or part's opening epigraphs out (they move as epigraphs).
 */
function textBlocksOf(section: SectionJson, withEpigraphs = true): JSONContent[] {
  const blocks: JSONContent[] = [];
  for (const child of childrenOf(section)) {
    if (child.type === nodeNames.chapterTitle || child.type === nodeNames.partTitle) continue;
    if (child.type === nodeNames.epigraph && !withEpigraphs) continue;
    if (child.type === nodeNames.epigraph) blocks.push(...epigraphAsParagraphs(child));
    else if (child.type === nodeNames.chapterSubtitle) blocks.push(paragraph(child.content));
    else blocks.push(child);
  }
  return blocks.filter((block) => block.type === nodeNames.sceneBreak || hasWords(block));
}

/** Blocks as a part's or dedication's paragraphs: scene headings become paragraphs, breaks (no words) go. */
function asParagraphs(blocks: JSONContent[]): JSONContent[] {
  return blocks.filter((block) => block.type !== nodeNames.sceneBreak).map((block) => (block.type === nodeNames.paragraph ? block : paragraph(block.content)));
}

/** Blocks as epigraphs: a paragraph followed by a "— source" one is a quotation and its source. */
function asEpigraphs(blocks: JSONContent[]): JSONContent[] {
  const lines = asParagraphs(blocks);
  const epigraphs: JSONContent[] = [];
  for (let index = 0; index < lines.length; index++) {
    const quote = lines[index];
    const next = lines[index + 1];
    const nextShape = next ? classifyLine(jsonText(next).trim()) : null;
    let source: JSONContent[] | undefined;
    if (nextShape?.kind === 'attribution') {
      // Without its dash: the exporters and the editor draw it.
      source = withoutDash(next!.content ?? []);
      index++;
    }
    epigraphs.push({
      type: nodeNames.epigraph,
      content: [
        { type: nodeNames.epigraphQuote, ...(quote.content?.length ? { content: quote.content } : {}) },
        { type: nodeNames.epigraphAttribution, ...(source?.length ? { content: source } : {}) },
      ],
    });
  }
  return epigraphs;
}

/** Builds a section of `kind` from a heading (for chapters and parts), opening epigraphs and text blocks, with what its schema requires. */
function build(id: string, kind: SectionKind, title: JSONContent[] | undefined, epigraphs: JSONContent[], blocks: JSONContent[]): SectionJson {
  switch (kind) {
    case 'chapter': {
      const body = blocks.length ? blocks : [paragraph(undefined)];
      return sectionOf(id, kind, [{ type: nodeNames.chapterTitle, ...(title?.length ? { content: title } : {}) }, ...epigraphs, ...body]);
    }
    case 'part':
      return sectionOf(id, kind, [{ type: nodeNames.partTitle, ...(title?.length ? { content: title } : {}) }, ...epigraphs, ...asParagraphs(blocks)]);
    case 'dedication': {
      const lines = [...(title?.length ? [paragraph(title)] : []), ...epigraphs.flatMap(epigraphAsParagraphs), ...asParagraphs(blocks)];
      return sectionOf(id, kind, lines.length ? lines : [paragraph(undefined)]);
    }
    case 'epigraphs': {
      const all = [...(title?.length ? [paragraph(title)] : []), ...epigraphs, ...asEpigraphs(blocks)];
      const fixed = all.map((node) => (node.type === nodeNames.epigraph ? node : asEpigraphs([node])[0]));
      return sectionOf(id, kind, fixed.length ? fixed : asEpigraphs([paragraph(undefined)]));
    }
  }
}

/** A section as another kind, every word kept: headings stay headings between chapters and parts, else become text. */
function changeKind(section: SectionJson, kind: SectionKind, headings: Record<string, string>): SectionJson {
  if (kind === section.kind) return section;
  const headed = (k: SectionKind) => k === 'chapter' || k === 'part';
  if (headed(section.kind) && headed(kind)) return build(section.id, kind, titleOf(section), epigraphsOf(section), textBlocksOf(section, false));
  if (section.kind === 'epigraphs' && kind === 'dedication') return build(section.id, kind, undefined, epigraphsOf(section), []);
  // Otherwise the heading, if any, becomes the first line of text.
  const title = headingLine(section, headings);
  const blocks = [...(title?.length ? [paragraph(title)] : []), ...textBlocksOf(section)];
  return build(section.id, kind, undefined, [], blocks);
}

/** `from`'s words appended to `into` as its text: its heading as a line of text, then its blocks. */
function joinInto(into: SectionJson, from: SectionJson, headings: Record<string, string>): SectionJson {
  const title = headingLine(from, headings);
  const added = [...(title?.length ? [paragraph(title)] : []), ...textBlocksOf(from)];
  // `into` keeps all it has (heading, subtitle, opening epigraphs, text), less empty paragraphs.
  const kept = childrenOf(into).filter((child) => child.type !== nodeNames.paragraph || hasWords(child));
  switch (into.kind) {
    case 'chapter': {
      const children = [...kept, ...added];
      const opening: string[] = [nodeNames.chapterTitle, nodeNames.chapterSubtitle, nodeNames.epigraph];
      if (children.every((child) => opening.includes(child.type ?? ''))) children.push(paragraph(undefined));
      return sectionOf(into.id, 'chapter', children);
    }
    case 'part':
      return sectionOf(into.id, 'part', [...kept, ...asParagraphs(added)]);
    case 'dedication':
      return build(into.id, 'dedication', undefined, [], [...kept, ...added]);
    case 'epigraphs':
      return build(into.id, 'epigraphs', undefined, kept.filter(hasWords), added);
  }
}

/** Splits a chapter at its `block`-th text block: what follows starts a new, untitled chapter. */
function split(section: SectionJson, block: number, makeId: () => string): [SectionJson, SectionJson] {
  const children = childrenOf(section);
  const opening = children.filter((c) => [nodeNames.chapterTitle, nodeNames.chapterSubtitle, nodeNames.epigraph].includes(c.type as never));
  const body = children.filter((c) => !opening.includes(c));
  if (section.kind !== 'chapter') throw new HttpError(422, 'Only a chapter can be split.');
  if (!Number.isInteger(block) || block < 1 || block >= body.length) throw new HttpError(422, `A chapter of ${body.length} blocks cannot be split before block ${block + 1}.`);
  return [sectionOf(section.id, 'chapter', [...opening, ...body.slice(0, block)]), build(makeId(), 'chapter', undefined, [], body.slice(block))];
}

/** Reads the `corrections` form field: a JSON list of {@link ImportCorrection}s, or a 422 saying what is wrong. */
export function parseImportCorrections(raw: string | null): ImportCorrection[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new HttpError(422, 'The corrections to the import are not valid JSON.');
  }
  if (!Array.isArray(value) || value.length > MAX_IMPORT_CORRECTIONS) throw new HttpError(422, `The corrections to the import must be a list of at most ${MAX_IMPORT_CORRECTIONS}.`);
  return value.map((item, index): ImportCorrection => {
    const correction = item as Partial<Record<string, unknown>>;
    const section = correction?.section;
    if (!Number.isInteger(section)) throw new HttpError(422, `Correction ${index + 1} does not name a section.`);
    if (correction.op === 'kind' && (SECTION_KINDS.includes(correction.kind as SectionKind) || correction.kind === 'text')) return { op: 'kind', section: section as number, kind: correction.kind as SectionKind | 'text' };
    if (correction.op === 'merge') return { op: 'merge', section: section as number };
    if (correction.op === 'split' && Number.isInteger(correction.block)) return { op: 'split', section: section as number, block: correction.block as number };
    throw new HttpError(422, `Correction ${index + 1} is not one Quire knows (change a kind, merge with the next section, split a chapter).`);
  });
}

/**
 * Applies the writer's corrections from the import preview, in order, each to the sections as
 * the previous left them: a section's kind changed (to "text": its words join the section before
 * as text), a section merged with the next (the next one's heading becoming a line of text), a
 * chapter split before one of its text blocks. Every word is kept: a heading that becomes text is
 * written as the file had it (`headings`, by section id, from the import). Throws a 422 for a
 * section or block that does not exist. Pure.
 */
export function applyImportCorrections<M extends ManuscriptJson & { headings?: Record<string, string> }>(manuscript: M, corrections: ImportCorrection[], makeId: () => string = newId): M {
  // A heading turned into text is text from then on: its entry goes.
  const headings = { ...(manuscript.headings ?? {}) };
  let sections = [...manuscript.sections];
  const at = (index: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= sections.length) throw new HttpError(422, `The import has no section ${index + 1}.`);
    return sections[index];
  };
  for (const correction of corrections) {
    const section = at(correction.section);
    if (correction.op === 'kind' && correction.kind !== 'text') {
      sections[correction.section] = changeKind(section, correction.kind, headings);
      if (correction.kind !== 'chapter' && correction.kind !== 'part') delete headings[section.id];
    } else if (correction.op === 'kind' || correction.op === 'merge') {
      // "Text" joins this section to the one before; "merge" the next one to this.
      const [into, from] = correction.op === 'merge' ? [correction.section, correction.section + 1] : [correction.section - 1, correction.section];
      if (into < 0) throw new HttpError(422, 'The first section has no section before it to join.');
      at(from);
      sections[into] = joinInto(sections[into], sections[from], headings);
      delete headings[sections[from].id];
      sections = sections.filter((_, index) => index !== from);
    } else {
      sections.splice(correction.section, 1, ...split(section, correction.block, makeId));
    }
  }
  return { ...manuscript, sections, headings };
}

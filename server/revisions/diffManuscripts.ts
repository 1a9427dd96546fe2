import { diffArrays, diffWordsWithSpace } from 'diff';
import type { ManuscriptJson, SectionJson } from '@model/manuscript/manuscriptJson';
import type { BlockDiff, DiffPart, ManuscriptDiff, SectionDiff, SuggestionChange } from '@model/revisions/manuscriptDiff';
import { manuscriptSchema } from '@model/schema';
import { acceptedContent } from '@model/suggestions/pendingSuggestions';
import { jsonHasSuggestions, listSuggestions } from '@model/suggestions/listSuggestions';
import { countWords } from '@model/manuscript/countWords';
import { numberSections } from '@model/manuscript/sectionNumbering';
import { sectionBlocks, type Block, type TextRun } from './sectionBlocks';
import { markNames, nodeNames } from '@model/schema/names';
import type { JSONContent } from '@tiptap/core';

/** A section's name in one version: its label as the binder shows it, and its own title. */
interface SectionName {
  /** "Chapter 3", "Part Two: Roots", "Dedication": the number follows from the section's place. */
  label: string;
  /** The title as typed ('' when untitled or front matter): what a rename changes. */
  title: string;
}

/** Names sections as the binder does (chapters and parts numbered by their place). */
function names(manuscript: ManuscriptJson): Map<string, SectionName> {
  const titles = manuscript.sections.map(
    (section) => (sectionBlocks(section.content).find((block) => block.type === nodeNames.chapterTitle || block.type === nodeNames.partTitle)?.text ?? '').trim(),
  );
  const numbering = numberSections(manuscript.sections.map((section, index) => ({ kind: section.kind, title: titles[index] })));
  return new Map(manuscript.sections.map((section, index) => [section.id, { label: numbering[index].label, title: titles[index] }]));
}

/**
 * Compares two versions of a manuscript: which sections were added, removed, renamed or moved
 * (a moved chapter is reported as moved, not as a deletion and an insertion), and within each
 * section a word-level diff of its blocks, with formatting-only changes noted. Pure.
 */
export function diffManuscripts(older: ManuscriptJson, newer: ManuscriptJson): ManuscriptDiff {
  const olderById = new Map(older.sections.map((s) => [s.id, s]));
  const newerById = new Map(newer.sections.map((s) => [s.id, s]));
  const olderNames = names(older);
  const newerNames = names(newer);

  // Sections present in both but not on the longest common ordering have moved.
  const commonOlder = older.sections.filter((s) => newerById.has(s.id)).map((s) => s.id);
  const commonNewer = newer.sections.filter((s) => olderById.has(s.id)).map((s) => s.id);
  const moved = new Set<string>();
  for (const change of diffArrays(commonOlder, commonNewer)) if (change.added) change.value.forEach((id) => moved.add(id));

  // A removed section is shown where it stood: right after the section that preceded it there.
  const removedAfter = new Map<string | null, SectionJson[]>();
  let anchor: string | null = null;
  for (const section of older.sections) {
    if (newerById.has(section.id)) anchor = section.id;
    else removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), section]);
  }
  const ordered: Array<{ id: string; inOlder?: SectionJson; inNewer?: SectionJson }> = [];
  const pushRemoved = (key: string | null) => {
    for (const removed of removedAfter.get(key) ?? []) ordered.push({ id: removed.id, inOlder: removed });
  };
  pushRemoved(null);
  for (const section of newer.sections) {
    ordered.push({ id: section.id, inOlder: olderById.get(section.id), inNewer: section });
    if (olderById.has(section.id)) pushRemoved(section.id);
  }

  const sections = ordered.map(({ id, inOlder, inNewer }) => {
    // The text compared is the accepted text: a pending suggestion is listed as such, not as an edit.
    const blocks = diffBlocks(inOlder ? sectionBlocks(acceptedContent(inOlder.content)) : [], inNewer ? sectionBlocks(acceptedContent(inNewer.content)) : []);
    let added = 0;
    let removed = 0;
    for (const block of blocks) {
      for (const part of block.parts) {
        if (part.change === 'inserted') added += countWords(part.text);
        if (part.change === 'deleted') removed += countWords(part.text);
      }
    }
    const name = inNewer ? newerNames.get(id) : olderNames.get(id);
    const olderName = olderNames.get(id);
    // Renamed means its own title changed: a label's number changes whenever a section moves
    // or one before it comes or goes, and that is a move, not a rename.
    const renamed = Boolean(inOlder && inNewer && olderName && name && olderName.title !== name.title);
    const status: SectionDiff['status'] = !inOlder ? 'added' : !inNewer ? 'removed' : blocks.every((b) => b.status === 'same') ? 'same' : 'changed';
    return {
      id,
      kind: (inNewer ?? inOlder)!.kind,
      label: name?.label ?? '',
      status,
      moved: moved.has(id),
      renamedFrom: renamed ? olderName!.label : undefined,
      added,
      removed,
      blocks,
      ...commentChanges(inOlder?.content, inNewer?.content),
      ...suggestionChanges(inOlder?.content, inNewer?.content),
    };
  });
  return {
    title: { from: older.title, to: newer.title },
    sections,
    added: sections.reduce((sum, s) => sum + s.added, 0),
    removed: sections.reduce((sum, s) => sum + s.removed, 0),
  };
}

const blockKey = (block: Block) => `${block.type}\u0000${block.text}`;

/** Aligns two block lists, then diffs the words of blocks that were edited in place. */
function diffBlocks(older: Block[], newer: Block[]): BlockDiff[] {
  const result: BlockDiff[] = [];
  let olderIndex = 0;
  let newerIndex = 0;
  const changes = diffArrays(older.map(blockKey), newer.map(blockKey));
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (!change.added && !change.removed) {
      for (let k = 0; k < change.count!; k++) {
        const a = older[olderIndex++];
        const b = newer[newerIndex++];
        const sameMarks = JSON.stringify(a.runs) === JSON.stringify(b.runs);
        result.push({ type: b.type, status: sameMarks ? 'same' : 'formatted', parts: partsOf(b.runs) });
      }
      continue;
    }
    // A removal followed by an addition is an edit: pair the blocks up and diff their words.
    const removedBlocks = change.removed ? older.slice(olderIndex, (olderIndex += change.count!)) : [];
    const next = changes[i + 1];
    const addedBlocks = change.removed && next?.added ? newer.slice(newerIndex, (newerIndex += next.count!)) : change.added ? newer.slice(newerIndex, (newerIndex += change.count!)) : [];
    if (change.removed && next?.added) i++;
    result.push(...pairEdits(removedBlocks, addedBlocks));
  }
  return result;
}

/**
 * Pairs removed and added blocks that are edits of one another (they share at least half their
 * words), in order; the rest are whole deletions and insertions. Pairing unrelated paragraphs
 * would show a wall of noise instead of what happened.
 */
function pairEdits(removed: Block[], added: Block[]): BlockDiff[] {
  const result: BlockDiff[] = [];
  let next = 0;
  for (const block of removed) {
    const match = added.findIndex((candidate, index) => index >= next && similar(block, candidate));
    if (match < 0) {
      result.push({ type: block.type, status: 'deleted', parts: partsOf(block.runs, 'deleted') });
      continue;
    }
    for (const inserted of added.slice(next, match)) result.push({ type: inserted.type, status: 'inserted', parts: partsOf(inserted.runs, 'inserted') });
    result.push(diffWords(block, added[match]));
    next = match + 1;
  }
  for (const inserted of added.slice(next)) result.push({ type: inserted.type, status: 'inserted', parts: partsOf(inserted.runs, 'inserted') });
  return result;
}

/** Whether two blocks share at least half the words of the longer one. */
function similar(a: Block, b: Block): boolean {
  const longest = Math.max(countWords(a.text), countWords(b.text));
  if (longest === 0) return a.type === b.type;
  let common = 0;
  for (const change of diffWordsWithSpace(a.text, b.text)) if (!change.added && !change.removed) common += countWords(change.value);
  return common * 2 >= longest;
}

function partsOf(runs: TextRun[], change?: DiffPart['change']): DiffPart[] {
  return runs.filter((run) => run.text).map((run) => ({ text: run.text, marks: run.marks, ...(change ? { change } : {}) }));
}

/** Word-level diff of one edited block; each part keeps the formatting of the version it comes from. */
function diffWords(older: Block, newer: Block): BlockDiff {
  const parts: DiffPart[] = [];
  let olderOffset = 0;
  let newerOffset = 0;
  for (const change of diffWordsWithSpace(older.text, newer.text)) {
    if (change.removed) {
      parts.push(...slice(older.runs, olderOffset, change.value.length, 'deleted'));
      olderOffset += change.value.length;
    } else if (change.added) {
      parts.push(...slice(newer.runs, newerOffset, change.value.length, 'inserted'));
      newerOffset += change.value.length;
    } else {
      parts.push(...slice(newer.runs, newerOffset, change.value.length));
      olderOffset += change.value.length;
      newerOffset += change.value.length;
    }
  }
  const type = older.type === newer.type ? newer.type : newer.type;
  return { type, status: 'changed', parts };
}

/** The runs covering [offset, offset + length) of a block's text, cut at the edges. */
function slice(runs: TextRun[], offset: number, length: number, change?: DiffPart['change']): DiffPart[] {
  const parts: DiffPart[] = [];
  let position = 0;
  for (const run of runs) {
    const start = Math.max(offset, position);
    const end = Math.min(offset + length, position + run.text.length);
    if (start < end) parts.push({ text: run.text.slice(start - position, end - position), marks: run.marks, ...(change ? { change } : {}) });
    position += run.text.length;
  }
  return parts;
}

/** The comment threads marked in a section's content, with their marked text in reading order. */
function commentsIn(content: JSONContent | undefined): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: JSONContent) => {
    for (const mark of node.marks ?? []) {
      const threadId = mark.attrs?.threadId;
      if (mark.type === markNames.comment && typeof threadId === 'string') found.set(threadId, (found.get(threadId) ?? '') + (node.text ?? ''));
    }
    for (const child of node.content ?? []) visit(child);
  };
  if (content) visit(content);
  return found;
}

/** Which threads' passages were marked or unmarked between two versions of a section (see SectionDiff). */
function commentChanges(older: JSONContent | undefined, newer: JSONContent | undefined): Pick<SectionDiff, 'comments'> {
  const before = commentsIn(older);
  const after = commentsIn(newer);
  const added = [...after].filter(([id]) => !before.has(id)).map(([threadId, quote]) => ({ threadId, quote }));
  const removed = [...before].filter(([id]) => !after.has(id)).map(([threadId, quote]) => ({ threadId, quote }));
  return added.length + removed.length > 0 ? { comments: { added, removed } } : {};
}

/** The pending suggestions of a section's content, by id. */
function suggestionsIn(content: JSONContent | undefined): Map<string, SuggestionChange> {
  if (!content || !jsonHasSuggestions(content)) return new Map();
  return new Map(listSuggestions(manuscriptSchema.nodeFromJSON(content)).map((s) => [s.id, { id: s.id, authorId: s.authorId, inserted: s.inserted, deleted: s.deleted }]));
}

/** How often `part` occurs in `text`. */
function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); part && at >= 0; at = text.indexOf(part, at + part.length)) count++;
  return count;
}

/**
 * Whether a suggestion gone between two versions was accepted or rejected, read from the accepted
 * text of both: accepted when what it proposed to add now appears once more (or, proposing only a
 * removal, what it proposed to remove appears once less); rejected otherwise. Other edits to the
 * same words in between can blur this; the blocks below it show the text itself.
 */
function outcomeOf(suggestion: SuggestionChange, olderText: string, newerText: string): 'accepted' | 'rejected' {
  const proposed = suggestion.inserted.trim();
  if (proposed) return occurrences(newerText, proposed) > occurrences(olderText, proposed) ? 'accepted' : 'rejected';
  const removed = suggestion.deleted.trim();
  return removed && occurrences(newerText, removed) < occurrences(olderText, removed) ? 'accepted' : 'rejected';
}

/** Which suggestions appeared or were settled (accepted or rejected) between two versions of a section (see SectionDiff). */
function suggestionChanges(older: JSONContent | undefined, newer: JSONContent | undefined): Pick<SectionDiff, 'suggestions'> {
  const before = suggestionsIn(older);
  const after = suggestionsIn(newer);
  const added = [...after.values()].filter((s) => !before.has(s.id));
  const gone = [...before.values()].filter((s) => !after.has(s.id));
  if (added.length + gone.length === 0) return {};
  const text = (content: JSONContent | undefined) => (content ? sectionBlocks(acceptedContent(content)).map((block) => block.text).join('\n') : '');
  const olderText = gone.length ? text(older) : '';
  const newerText = gone.length ? text(newer) : '';
  const settled = gone.map((s) => ({ ...s, outcome: outcomeOf(s, olderText, newerText) }));
  return { suggestions: { added, settled } };
}

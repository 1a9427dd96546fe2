import type { JSONContent } from '@tiptap/core';
import { newId } from '@model/manuscript/newId';
import { markNames } from '@model/schema/names';
import { wordSuggestionId } from '@model/suggestions/suggestionId';
import type { ImportBlock } from './importBlock';
import { MARKER, type WordAnnotations, type WordComment } from './docxRevisions';

/** A Word comment brought in as a thread: the id its mark carries, and the comment itself. */
export interface ImportedThread {
  id: string;
  comment: WordComment;
}

/**
 * Turns the markers `markRevisions` put in a Word document's text into marks, in reading order
 * across paragraphs: text between a tracked insertion's markers becomes an `insertion` suggestion,
 * a tracked deletion's a `deletion` suggestion (by the Word author, at the change's time), and a
 * comment range's text carries a `comment` mark of a new thread. Markers are removed; a marker
 * that was never opened or closed simply ends where the document does. Returns the threads to
 * create, one per comment whose range held text.
 */
export function applyWordAnnotations(blocks: ImportBlock[], annotations: WordAnnotations): ImportedThread[] {
  const open = { insertion: null as string | null, deletion: null as string | null, comments: new Map<string, string>() };
  const suggestionIds = new Map<string, string>();
  const threads = new Map<string, ImportedThread>();
  const suggestionId = (n: string) => {
    let id = suggestionIds.get(n);
    if (!id) {
      const revision = annotations.revisions.get(n)!;
      id = wordSuggestionId(revision.author, revision.date?.getTime() ?? Date.now());
      suggestionIds.set(n, id);
    }
    return id;
  };
  for (const block of blocks) {
    const inlines: JSONContent[] = [];
    for (const node of block.inlines) {
      if (node.type !== 'text' || !node.text?.includes('\uE000')) {
        inlines.push(withOpenMarks(node, open));
        continue;
      }
      let last = 0;
      for (const match of node.text.matchAll(MARKER)) {
        if (match.index > last) inlines.push(withOpenMarks({ ...node, text: node.text.slice(last, match.index) }, open));
        last = match.index + match[0].length;
        const [, closing, kind, n] = match;
        if (kind === 'c') {
          const comment = annotations.comments.get(n);
          if (closing) open.comments.delete(n);
          else if (comment) {
            const thread = { id: newId(), comment };
            threads.set(n, thread);
            open.comments.set(n, thread.id);
          }
        } else if (annotations.revisions.has(n)) {
          const which = kind === 'i' ? 'insertion' : 'deletion';
          open[which] = closing ? null : suggestionId(n);
        }
      }
      if (last < node.text.length) inlines.push(withOpenMarks({ ...node, text: node.text.slice(last) }, open));
    }
    block.inlines = inlines.filter((node) => node.type !== 'text' || node.text);
  }
  const marked = new Set<string>();
  for (const block of blocks) for (const node of block.inlines) for (const mark of node.marks ?? []) if (mark.type === markNames.comment) marked.add(mark.attrs!.threadId as string);
  return [...threads.values()].filter((thread) => marked.has(thread.id));
}

function withOpenMarks(node: JSONContent, open: { insertion: string | null; deletion: string | null; comments: Map<string, string> }): JSONContent {
  if (node.type !== 'text') return node;
  const marks = [...(node.marks ?? [])];
  // Word can nest a deletion inside an insertion (proposed, then struck by another): the deletion wins.
  if (open.deletion) marks.push({ type: markNames.deletion, attrs: { id: open.deletion } });
  else if (open.insertion) marks.push({ type: markNames.insertion, attrs: { id: open.insertion } });
  for (const threadId of open.comments.values()) marks.push({ type: markNames.comment, attrs: { threadId } });
  return marks.length ? { ...node, marks } : node;
}

import type { Mark, MarkType, Node as PMNode } from '@tiptap/pm/model';
import type { Transform } from '@tiptap/pm/transform';
import { suggestionAuthor } from './suggestionId';

/** A stretch of the new document whose suggestion mark must carry another id. */
interface Fix {
  from: number;
  to: number;
  type: MarkType;
  id: string;
}

/**
 * The ranges of the transform's final document that its steps wrote or re-marked, in final
 * positions.
 */
function touchedRanges(tr: Transform): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  tr.steps.forEach((step, index) => {
    const later = tr.mapping.slice(index + 1);
    const json = step.toJSON() as { from?: number; to?: number; pos?: number };
    step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      ranges.push([later.map(newStart, -1), later.map(newEnd, 1)]);
    });
    // Mark steps change no positions, so their maps are empty: take their own range.
    if (typeof json.from === 'number' && typeof json.to === 'number') ranges.push([later.map(json.from, -1), later.map(json.to, 1)]);
    if (typeof json.pos === 'number') ranges.push([later.map(json.pos, -1), later.map(json.pos + 1, 1)]);
  });
  return ranges.filter(([from, to]) => to > from);
}

/**
 * Makes a suggesting transaction honest about authorship. The suggestions library joins a new
 * change to an adjacent suggestion by giving it that suggestion's id, even when a co-writer made
 * it, and re-ids the neighbour to match. Here, on every character the transaction touched: text
 * that was already marked keeps the id it had, and newly marked text gets an id of `authorId`'s
 * (the one the library gave it when that is already theirs, else `freshId`). Then block-level
 * suggestion marks, which Yjs cannot store on a block, move onto the block's text (an empty
 * paragraph gets a zero-width marker to carry them). Returns false when a change cannot be
 * kept as a suggestion (a block that holds no text, such as a scene break, or a change of a
 * block's kind): the caller drops the transaction.
 */
export function attributeSuggestions(tr: Transform, authorId: string, freshId: string): boolean {
  const schema = tr.doc.type.schema;
  const types = [schema.marks.insertion, schema.marks.deletion];
  const before: PMNode = tr.docs[0] ?? tr.doc;
  const back = tr.mapping.invert();
  const fixes: Fix[] = [];
  const ownId = (mark: Mark) => (suggestionAuthor(mark.attrs.id) === authorId ? String(mark.attrs.id) : freshId);
  for (const [from, to] of touchedRanges(tr)) {
    tr.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isText) return true;
      const start = Math.max(from, pos);
      const end = Math.min(to, pos + node.nodeSize);
      for (const type of types) {
        const mark = type.isInSet(node.marks);
        if (!mark) continue;
        for (let at = start; at < end; at++) {
          const oldFrom = back.map(at, 1);
          const oldTo = back.map(at + 1, -1);
          const old = oldTo - oldFrom === 1 ? before.nodeAt(oldFrom) : null;
          const kept = old?.isText ? type.isInSet(old.marks) : undefined;
          const id = kept ? String(kept.attrs.id) : ownId(mark);
          if (id === String(mark.attrs.id)) continue;
          const last = fixes.at(-1);
          if (last && last.type === type && last.id === id && last.to === at) last.to = at + 1;
          else fixes.push({ from: at, to: at + 1, type, id });
        }
      }
      return false;
    });
  }
  for (const fix of fixes) {
    tr.removeMark(fix.from, fix.to, fix.type);
    tr.addMark(fix.from, fix.to, fix.type.create({ id: fix.id }));
  }
  return inlineBlockMarks(tr, authorId, freshId);
}

/** Moves suggestion marks from blocks onto their text; false when a block has no text to carry them. */
function inlineBlockMarks(tr: Transform, authorId: string, freshId: string): boolean {
  const names = new Set(['insertion', 'deletion', 'modification']);
  const marked: Array<{ pos: number; node: PMNode; mark: Mark }> = [];
  tr.doc.descendants((node, pos) => {
    if (node.isInline) return false;
    const mark = node.marks.find((m) => names.has(m.type.name));
    if (mark) marked.push({ pos, node, mark });
    return true;
  });
  for (const { mark, node } of marked) {
    if (mark.type.name === 'modification') return false;
    if (node.isAtom || (!node.isTextblock && !node.content.size)) return false;
  }
  // From the end, so inserting a marker does not move the blocks still to do.
  for (const { pos, node, mark } of marked.reverse()) {
    tr.removeNodeMark(pos, mark);
    const id = suggestionAuthor(mark.attrs.id) === authorId ? mark.attrs.id : freshId;
    const inline = mark.type.create({ id });
    if (node.isTextblock && node.content.size === 0) {
      tr.insert(pos + 1, tr.doc.type.schema.text('\u200B'));
      tr.addMark(pos + 1, pos + 2, inline);
    } else {
      tr.addMark(pos + 1, pos + node.nodeSize - 1, inline);
    }
  }
  return true;
}

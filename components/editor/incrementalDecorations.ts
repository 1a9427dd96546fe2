import type { Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { Mapping, ReplaceStep, StepMap } from '@tiptap/pm/transform';
import { type Decoration, DecorationSet } from '@tiptap/pm/view';

/** Builds the decorations of one text block (its content starts at `pos + 1`). */
export type BlockDecorations = (block: PMNode, pos: number) => Decoration[];

/** The text blocks of a document, with their positions. */
function textBlocksBetween(doc: PMNode, from: number, to: number, visit: (block: PMNode, pos: number) => void): void {
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.isTextblock) {
      visit(node, pos);
      return false;
    }
    return true;
  });
}

/** Decorations for the whole document, block by block. */
export function allDecorations(doc: PMNode, build: BlockDecorations): DecorationSet {
  const found: Decoration[] = [];
  textBlocksBetween(doc, 0, doc.content.size, (block, pos) => found.push(...build(block, pos)));
  return DecorationSet.create(doc, found);
}

/**
 * Carries a decoration set through a transaction, rebuilding only the text blocks the transaction
 * changed (a keystroke, or a co-writer's paragraph arriving through Yjs, which replaces the whole
 * document and is narrowed to what differs): the rest of the section
 * keeps its decorations, mapped to their new places. Keeps typing cost independent of how many
 * comments or suggestions the section holds.
 */
export function updateDecorations(set: DecorationSet, tr: Transaction, build: BlockDecorations): DecorationSet {
  if (!tr.docChanged) return set;
  const doc = tr.doc;
  // A co-writer's change arrives through y-tiptap as one step replacing the whole document: taken
  // as it is, every block would be rebuilt and every decoration remapped on each remote keystroke.
  // What really changed is found by comparing the two documents.
  const mapping = isWholeDocumentReplace(tr) ? narrowedMapping(tr) : tr.mapping;
  const ranges: Array<[number, number]> = [];
  mapping.maps.forEach((map, index) => {
    const later = mapping.slice(index + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => ranges.push([later.map(newStart, -1), later.map(newEnd, 1)]));
  });
  // Mark steps move nothing, so their maps are empty: take the steps' own ranges.
  for (const step of tr.steps) {
    const json = step.toJSON() as { stepType?: string; from?: number; to?: number };
    if ((json.stepType === 'addMark' || json.stepType === 'removeMark') && typeof json.from === 'number' && typeof json.to === 'number') {
      const later = tr.mapping.slice(tr.steps.indexOf(step) + 1);
      ranges.push([later.map(json.from, -1), later.map(json.to, 1)]);
    }
  }
  let next = set.map(mapping, doc);
  const rebuilt = new Set<number>();
  const added: Decoration[] = [];
  for (const [rawFrom, rawTo] of ranges) {
    const from = Math.max(0, Math.min(rawFrom, doc.content.size));
    const to = Math.max(from, Math.min(rawTo, doc.content.size));
    textBlocksBetween(doc, from, to, (block, pos) => {
      if (rebuilt.has(pos)) return;
      rebuilt.add(pos);
      next = next.remove(next.find(pos, pos + block.nodeSize));
      added.push(...build(block, pos));
    });
  }
  return added.length ? next.add(doc, added) : next;
}

/** Narrowed mappings by transaction: the comment and the suggestion decorations both ask for one. */
const narrowed = new WeakMap<Transaction, Mapping>();

/** A whole-document replace's mapping, narrowed to the range where the documents differ. */
function narrowedMapping(tr: Transaction): Mapping {
  let mapping = narrowed.get(tr);
  if (!mapping) {
    mapping = new Mapping([changedBetween(tr.before, tr.doc)]);
    narrowed.set(tr, mapping);
  }
  return mapping;
}

/** Whether a transaction is one step replacing the document's whole content (y-tiptap's way). */
function isWholeDocumentReplace(tr: Transaction): boolean {
  const [step] = tr.steps;
  return tr.steps.length === 1 && step instanceof ReplaceStep && step.from === 0 && step.to === tr.before.content.size;
}

/** A step map of the one range where two documents differ (empty when they are equal). */
function changedBetween(before: PMNode, after: PMNode): StepMap {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return StepMap.empty;
  let { a: endBefore, b: endAfter } = before.content.findDiffEnd(after.content)!;
  // With repeated content the end found can fall before the start: widen it to the start.
  const overlap = start - Math.min(endBefore, endAfter);
  if (overlap > 0) {
    endBefore += overlap;
    endAfter += overlap;
  }
  return new StepMap([start, endBefore - start, endAfter - start]);
}

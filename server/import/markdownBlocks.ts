import type { JSONContent } from '@tiptap/core';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { ImportBlock } from './importBlock';
import { ATTRIBUTION_DASH } from './attributionDash';

type Mark = 'bold' | 'italic' | 'code';

/**
 * Inline Markdown as ProseMirror text nodes; inline code keeps its monospace (the code mark),
 * links keep their text, images their alt text.
 */
function inlinesOf(nodes: PhrasingContent[], marks: Mark[] = []): JSONContent[] {
  const out: JSONContent[] = [];
  const push = (text: string, extra: Mark[] = []) => {
    if (!text) return;
    const all = [...marks, ...extra.filter((mark) => !marks.includes(mark))];
    out.push({ type: 'text', text, ...(all.length ? { marks: all.map((type) => ({ type })) } : {}) });
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text': {
        // A soft line break inside a paragraph is a space to a reader, except before a line
        // starting with a dash: "— Its source" under a quotation is a line of its own.
        const [first, ...rest] = node.value.split(/\s*\n\s*/);
        let text = first;
        for (const line of rest) {
          if (!ATTRIBUTION_DASH.test(line)) {
            text += ` ${line}`;
            continue;
          }
          push(text);
          out.push({ type: 'hardBreak' });
          text = line;
        }
        push(text);
        break;
      }
      case 'inlineCode':
        push(node.value, ['code']);
        break;
      case 'html':
        push(node.value);
        break;
      case 'break':
        out.push({ type: 'hardBreak' });
        break;
      case 'emphasis':
        out.push(...inlinesOf(node.children, marks.includes('italic') ? marks : [...marks, 'italic']));
        break;
      case 'strong':
        out.push(...inlinesOf(node.children, marks.includes('bold') ? marks : [...marks, 'bold']));
        break;
      case 'image':
      case 'imageReference':
        push(node.alt ?? '');
        break;
      default:
        if ('children' in node) out.push(...inlinesOf(node.children as PhrasingContent[], marks));
    }
  }
  return out;
}

/** Every text value under a node, for blocks (code, HTML) that carry no inline structure. */
function rawText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(rawText).join(' ') : '';
}

/**
 * A fenced or indented code block as one paragraph of code: its lines kept as lines (hard
 * breaks) with their indentation, every word in monospace. Blank lines are left out, as between
 * paragraphs (a text file's lines arrive with blank lines between them). The manuscript has no
 * code blocks; a paragraph of code lines reads the same and exports back as code.
 */
function codeBlock(value: string, inQuote: boolean): ImportBlock {
  const lines = value.split('\n').map((line) => line.trimEnd()).filter(Boolean);
  const inlines: JSONContent[] = [];
  lines.forEach((line, index) => {
    if (index > 0) inlines.push({ type: 'hardBreak' });
    inlines.push({ type: 'text', text: line, marks: [{ type: 'code' }] });
  });
  return { kind: inQuote ? 'quote' : 'paragraph', inlines };
}

function blocksOf(nodes: RootContent[], inQuote: boolean, source: string): ImportBlock[] {
  const blocks: ImportBlock[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'heading': {
        const inlines = inlinesOf(node.children);
        // A lone `#` is a scene break in manuscripts; Markdown reads it as an empty heading.
        if (inlines.length === 0) blocks.push({ kind: 'break', inlines: [] });
        else blocks.push({ kind: 'heading', level: node.depth, inlines });
        break;
      }
      case 'paragraph':
        blocks.push({ kind: inQuote ? 'quote' : 'paragraph', inlines: inlinesOf(node.children) });
        break;
      case 'thematicBreak':
        blocks.push({ kind: 'break', inlines: [] });
        break;
      case 'blockquote':
        blocks.push(...blocksOf(node.children, true, source));
        break;
      case 'list':
        // The manuscript has no lists: each item's paragraphs become paragraphs, words kept, and a
        // numbered item keeps its number ("1999. The year…" in a text file is a sentence, not a list).
        for (const item of node.children) {
          const itemBlocks = blocksOf(item.children, inQuote, source);
          const first = itemBlocks.find((block) => block.kind !== 'break');
          // The number as written: Markdown renumbers items, a writer's text must not be.
          const marker = /^\s*(\d{1,9}[.)])/.exec(source.slice(item.position?.start.offset ?? 0));
          if (node.ordered && first && marker) first.inlines.unshift({ type: 'text', text: `${marker[1]} ` });
          // An item with nothing after its number ("42." alone on a line, or "- 42.") is still
          // the writer's text: keep the number as a paragraph of its own.
          else if (node.ordered && marker) itemBlocks.unshift({ kind: inQuote ? 'quote' : 'paragraph', inlines: [{ type: 'text', text: marker[1] }] });
          blocks.push(...itemBlocks);
        }
        break;
      case 'code':
        blocks.push(codeBlock(node.value, inQuote));
        break;
      case 'html':
        for (const line of node.value.split('\n').filter((l) => l.trim())) {
          blocks.push({ kind: inQuote ? 'quote' : 'paragraph', inlines: [{ type: 'text', text: line.trim() }] });
        }
        break;
      default: {
        const text = rawText(node).trim();
        if (text) blocks.push({ kind: 'paragraph', inlines: [{ type: 'text', text }] });
      }
    }
  }
  return blocks;
}

/** Markdown as import blocks: headings with their depth, block quotes as quotes, rules as breaks. */
export function markdownBlocks(markdown: string): ImportBlock[] {
  const source = markdown.replace(/^\uFEFF/, '');
  return blocksOf(fromMarkdown(source).children, false, source);
}

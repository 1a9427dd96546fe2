import { createElement, type ReactNode } from 'react';
import type { JSONContent } from '@tiptap/core';
import type { DOMOutputSpec, Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { manuscriptSchema } from '@model/schema';

/**
 * A section's text as the editor will show it, rendered from its ProseMirror JSON with the
 * schema's own output specs (the same elements and classes), but without an editor: the page is
 * served with it, so the writer reads the chapter while the scripts load and the editor takes its
 * place. React escapes every text; nothing is injected as HTML.
 */
export function StaticSection({ content }: { content: JSONContent }) {
  const doc = manuscriptSchema.nodeFromJSON(content);
  return (
    <div className="editor-scroll">
      <div className="manuscript-page is-static" data-testid="static-section">
        {children(doc)}
      </div>
    </div>
  );
}

function children(node: ProseMirrorNode): ReactNode[] {
  const rendered: ReactNode[] = [];
  node.forEach((child, _offset, index) => rendered.push(render(child, index)));
  return rendered;
}

function render(node: ProseMirrorNode, key: number): ReactNode {
  if (node.isText) return node.marks.reduceRight<ReactNode>((inner, mark, depth) => fromSpec(markSpec(mark), `${key}:${depth}`, inner), node.text);
  const toDOM = node.type.spec.toDOM;
  if (!toDOM) return null;
  return fromSpec(toDOM(node), key, children(node));
}

function markSpec(mark: Mark): DOMOutputSpec {
  return mark.type.spec.toDOM ? mark.type.spec.toDOM(mark, true) : ['span', 0];
}

/** Turns a DOMOutputSpec (`['h2', { class }, 0]`) into a React element; 0 is where the content goes. */
function fromSpec(spec: DOMOutputSpec, key: number | string, content: ReactNode): ReactNode {
  if (!Array.isArray(spec)) return content;
  const [tag, ...rest] = spec as unknown as [string, ...unknown[]];
  const attributes = rest[0] && typeof rest[0] === 'object' && !Array.isArray(rest[0]) ? (rest.shift() as Record<string, unknown>) : {};
  const props: Record<string, unknown> = { key };
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    props[name === 'class' ? 'className' : name] = value;
  }
  const inner = rest.map((part, index) => (part === 0 ? content : fromSpec(part as DOMOutputSpec, index, content)));
  const name = tag.includes(' ') ? tag.split(' ')[1] : tag;
  return createElement(name, props, ...(inner.length > 0 ? inner : []));
}

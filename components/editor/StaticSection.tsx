'use client';

import { Suspense, createElement, memo, use, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { JSONContent } from '@tiptap/core';
import type { DOMOutputSpec, Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { manuscriptSchema } from '@model/schema';

/**
 * A section's text as the editor will show it, rendered from its ProseMirror JSON with the
 * schema's own output specs (the same elements and classes), but without an editor: the page is
 * served with it, so the writer reads the chapter while the scripts load and the editor takes its
 * place. React escapes every text; nothing is injected as HTML.
 *
 * When `editable`, the served text takes a caret and typing: the page's inline script
 * (`earlyInputScript`) keeps every keystroke for the editor. Textblocks carry `data-block` (their
 * node type) so the script can tell where the writer typed.
 */
export const StaticSection = memo(function StaticSection({ content, sectionId, editable = false }: StaticSectionProps) {
  return (
    <div className="editor-scroll">
      <Suspense>
        <ServedText content={content} sectionId={sectionId} editable={editable} />
      </Suspense>
    </div>
  );
});

interface StaticSectionProps {
  content: JSONContent;
  sectionId?: string;
  editable?: boolean;
}

/** Never settles: what the served text waits for while the page hydrates (see below). */
const STAYS_AS_SERVED = new Promise<never>(() => {});
const subscribeToNothing = () => () => {};

function ServedText({ content, sectionId, editable }: StaticSectionProps) {
  // While the page hydrates, the served text may already hold what the writer typed into it;
  // hydrating would find it differs from the served text and render it again, typing gone. It
  // has nothing to hydrate (no handlers), so it never does: its boundary keeps the served DOM,
  // as it is, until the editor takes its place.
  const hydrating = useSyncExternalStore(subscribeToNothing, () => false, () => true);
  if (hydrating && typeof window !== 'undefined') use(STAYS_AS_SERVED);
  const doc = useMemo(() => manuscriptSchema.nodeFromJSON(content), [content]);
  // Only the text as served takes typing: the inline script's record is of that page's elements.
  // Rendered again in the browser (another section and back), it is only text.
  const typing = editable && typeof window === 'undefined';
  return (
    <div
      className="manuscript-page is-static"
      data-testid="static-section"
      data-section-id={sectionId}
      {...(typing && { contentEditable: true, suppressContentEditableWarning: true, spellCheck: false, 'data-early-input': '' })}
    >
      {children(doc)}
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
  return fromSpec(toDOM(node), key, children(node), node.isTextblock ? { 'data-block': node.type.name } : undefined);
}

function markSpec(mark: Mark): DOMOutputSpec {
  return mark.type.spec.toDOM ? mark.type.spec.toDOM(mark, true) : ['span', 0];
}

/** Turns a DOMOutputSpec (`['h2', { class }, 0]`) into a React element; 0 is where the content goes. */
function fromSpec(spec: DOMOutputSpec, key: number | string, content: ReactNode, extra?: Record<string, string>): ReactNode {
  if (!Array.isArray(spec)) return content;
  const [tag, ...rest] = spec as unknown as [string, ...unknown[]];
  const attributes = rest[0] && typeof rest[0] === 'object' && !Array.isArray(rest[0]) ? (rest.shift() as Record<string, unknown>) : {};
  const props: Record<string, unknown> = { key, ...extra };
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    props[name === 'class' ? 'className' : name] = value;
  }
  const inner = rest.map((part, index) => (part === 0 ? content : fromSpec(part as DOMOutputSpec, index, content)));
  const name = tag.includes(' ') ? tag.split(' ')[1] : tag;
  return createElement(name, props, ...(inner.length > 0 ? inner : []));
}

'use client';

import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { markNames, nodeNames } from '@model/schema/names';
import { isSuggesting } from './SuggestChanges';

/** Formatting controls for the open section; which ones show depends on the section's kind. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      kind: e.state.doc.firstChild?.type.name ?? '',
      bold: e.isActive(markNames.bold),
      italic: e.isActive(markNames.italic),
      code: e.isActive(markNames.code),
      sceneHeading: e.isActive(nodeNames.sceneHeading),
      // Suggestions are kept in the text; a change to a block's kind cannot be, so those wait for Editing.
      suggesting: isSuggesting(e.state),
      hasSubtitle: e.state.doc.firstChild?.childCount ? e.state.doc.firstChild.maybeChild(1)?.type.name === nodeNames.chapterSubtitle : false,
    }),
  });

  return (
    <div
      className="editor-toolbar"
      role="toolbar"
      aria-label="Formatting"
      // Clicking a button must not take focus from the text, or keys typed right after are lost.
      onMouseDown={(event) => event.preventDefault()}
    >
      <button type="button" aria-label="Bold" aria-pressed={state.bold} title="Bold (Ctrl+B)" onClick={() => editor.chain().focus().toggleBold().run()}>
        <b>B</b>
      </button>
      <button type="button" aria-label="Italic" aria-pressed={state.italic} title="Italic (Ctrl+I)" onClick={() => editor.chain().focus().toggleItalic().run()}>
        <i>I</i>
      </button>
      <button type="button" aria-label="Code" aria-pressed={state.code} title="Code, in a monospace face (Ctrl+E)" onClick={() => editor.chain().focus().toggleCode().run()}>
        <code>{'</>'}</code>
      </button>
      {state.kind === nodeNames.chapter && (
        <>
          <button
            type="button"
            aria-pressed={state.sceneHeading}
            disabled={state.suggesting}
            title="Scene heading (Ctrl+Alt+3)"
            onClick={() => editor.chain().focus().toggleSceneHeading().run()}
          >
            Scene heading
          </button>
          <button type="button" disabled={state.suggesting} title="Scene break (Ctrl+Alt+8)" onClick={() => editor.chain().focus().insertSceneBreak().run()}>
            Scene break
          </button>
          <button type="button" disabled={state.suggesting} aria-pressed={state.hasSubtitle} onClick={() => editor.chain().focus().toggleChapterSubtitle().run()}>
            {state.hasSubtitle ? 'Remove subtitle' : 'Add subtitle'}
          </button>
        </>
      )}
      {(state.kind === nodeNames.chapter || state.kind === nodeNames.part) && (
        <button
          type="button"
          disabled={state.suggesting}
          title="An epigraph under the heading, before the text (Ctrl+Alt+E; Enter in an empty quotation leaves it)"
          onClick={() => editor.chain().focus().addOpeningEpigraph().run()}
        >
          Add epigraph
        </button>
      )}
      {state.kind === nodeNames.epigraphs && (
        <button
          type="button"
          disabled={state.suggesting}
          onClick={() =>
            editor
              .chain()
              .focus()
              .insertContentAt(editor.state.doc.content.size - 1, {
                type: nodeNames.epigraph,
                content: [{ type: nodeNames.epigraphQuote }, { type: nodeNames.epigraphAttribution }],
              })
              .run()
          }
        >
          Add epigraph
        </button>
      )}
    </div>
  );
}

'use client';

import { useLayoutEffect } from 'react';
import type { Editor } from '@tiptap/core';
import { replayEarlyEdits } from './earlyInput';
import { takeEarlyEdits } from './earlyInputScript';

/**
 * As the editor of section `sectionId` shows, applies what the writer typed into the served text
 * meanwhile, as their own editing, then puts the caret after it and the focus in the editor, so
 * they go on typing where they were.
 */
export function useEarlyKeystrokes(editor: Editor | null, sectionId: string, editable: boolean): void {
  // A layout effect: the words are in the editor before it is painted, and the focus moves
  // before the served text leaves, so no key falls between the two.
  useLayoutEffect(() => {
    if (!editor || editor.isDestroyed || !editable) return;
    const edits = takeEarlyEdits(sectionId);
    if (edits.length === 0) return;
    const caret = replayEarlyEdits(editor.view, edits);
    editor.chain().setTextSelection(caret).scrollIntoView().run();
    editor.view.focus();
  }, [editor, sectionId, editable]);
}

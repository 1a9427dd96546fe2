'use client';

import { useEffect } from 'react';
import type { Editor } from '@tiptap/core';
import { replayEarlyEdits } from './earlyInput';
import { takeEarlyEdits } from './earlyInputScript';

/**
 * Once the editor of section `sectionId` is ready, applies what the writer typed into the served
 * text meanwhile, as their own editing, then puts the caret after it and the focus in the
 * editor, so they go on typing where they were.
 */
export function useEarlyKeystrokes(editor: Editor | null, sectionId: string, editable: boolean): void {
  useEffect(() => {
    if (!editor || !editable) return;
    const replay = () => {
      if (editor.isDestroyed) return;
      const edits = takeEarlyEdits(sectionId);
      if (edits.length === 0) return;
      const caret = replayEarlyEdits(editor.view, edits);
      editor.commands.focus(caret);
    };
    // 'create' comes a task after the view is mounted; by then the section's text is in it.
    if (editor.isInitialized) replay();
    else editor.on('create', replay);
    return () => {
      editor.off('create', replay);
    };
  }, [editor, sectionId, editable]);
}

import { Node, mergeAttributes } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    sceneBreak: {
      /** Inserts a scene break (shown as a centred ornament) at the cursor. */
      insertSceneBreak: () => ReturnType;
    };
  }
}

/** A break between scenes, typeset as a centred ornament; plain-text exports write `* * *`. */
export const SceneBreak = Node.create({
  name: 'sceneBreak',
  group: 'block',
  atom: true,
  selectable: true,

  parseHTML() {
    return [{ tag: 'hr[data-type="scene-break"]' }, { tag: 'hr' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['hr', mergeAttributes(HTMLAttributes, { 'data-type': 'scene-break', class: 'ms-scene-break' })];
  },

  addCommands() {
    return {
      insertSceneBreak:
        () =>
        ({ chain }) =>
          chain().insertContent([{ type: this.name }, { type: 'paragraph' }]).run(),
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-Alt-8': () => this.editor.commands.insertSceneBreak() };
  },
});

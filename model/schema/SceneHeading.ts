import { Node, mergeAttributes } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    sceneHeading: {
      /** Turns the current paragraph into a scene heading, or a scene heading back into a paragraph. */
      toggleSceneHeading: () => ReturnType;
    };
  }
}

/** A heading that opens a scene inside a chapter (e.g. "The Alarm Before Dawn"). */
export const SceneHeading = Node.create({
  name: 'sceneHeading',
  group: 'block',
  content: 'text*',
  marks: 'italic',
  defining: true,

  parseHTML() {
    return [{ tag: 'h3' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['h3', mergeAttributes(HTMLAttributes, { class: 'ms-scene-heading' }), 0];
  },

  addCommands() {
    return {
      toggleSceneHeading:
        () =>
        ({ commands }) =>
          commands.toggleNode(this.name, 'paragraph'),
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-Alt-3': () => this.editor.commands.toggleSceneHeading() };
  },
});

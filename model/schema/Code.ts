import { Mark, markInputRule, mergeAttributes } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    code: {
      /** Sets or clears monospace "code" on the selection. */
      toggleCode: () => ReturnType;
    };
  }
}

/** `text` typed between single backticks becomes code, as in Markdown (pasted text is left as it is). */
const BACKTICKS_TYPED = /(?:^|\s)(`(?!\s+`)([^`]+)`(?!\s+`))$/;

/**
 * Inline code: words set in a monospace face (a command a character types, a file name, a line
 * of a program). Unlike the usual editor code mark it combines with bold and italic, because a
 * manuscript's Markdown and Word files do (bold code is common), and importing them must lose nothing.
 */
export const Code = Mark.create({
  name: 'code',
  code: true,

  parseHTML() {
    return [{ tag: 'code' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['code', mergeAttributes(HTMLAttributes, { class: 'ms-code' }), 0];
  },

  addCommands() {
    return {
      toggleCode:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-e': () => this.editor.commands.toggleCode() };
  },

  addInputRules() {
    return [markInputRule({ find: BACKTICKS_TYPED, type: this.type })];
  },
});

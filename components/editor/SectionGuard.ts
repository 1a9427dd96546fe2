import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * Refuses local edits that would change which kind of section the editor holds (for example a
 * select-all and delete that ProseMirror would "repair" by creating a dedication in place of a
 * chapter). Changes arriving from co-writers through Yjs always pass.
 */
export const SectionGuard = Extension.create({
  name: 'sectionGuard',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('sectionGuard'),
        filterTransaction(tr, state) {
          if (!tr.docChanged || tr.getMeta(ySyncPluginKey)) return true;
          const before = state.doc.firstChild?.type;
          const after = tr.doc.firstChild?.type;
          return before === undefined || before === after;
        },
      }),
    ];
  },
});

import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { markNames } from '@model/schema/names';
import { SUGGESTION_META } from './SuggestChanges';

/**
 * For commenters: the editor takes selections, comment marks and suggestions (the editor is always
 * in Suggesting for them), and no other change to the text (anything else is dropped before it
 * reaches the document). The sync
 * server enforces the same rule; this keeps an honest commenter's copy from ever diverging.
 * Co-writers' changes arriving through Yjs always pass.
 */
export const CommentOnlyGuard = Extension.create({
  name: 'commentOnlyGuard',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('commentOnlyGuard'),
        filterTransaction(tr) {
          if (!tr.docChanged || tr.getMeta(ySyncPluginKey) || tr.getMeta(SUGGESTION_META)) return true;
          return tr.steps.every((step) => (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && step.mark.type.name === markNames.comment);
        },
      }),
    ];
  },
});

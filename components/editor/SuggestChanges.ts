import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform';
import { ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap';
import { markNames } from '@model/schema/names';

/** Set on every transaction this extension turned into suggestions (the commenter's guard lets them through). */
export const SUGGESTION_META = 'quire:suggestion';

/** Set on a transaction that must pass as it is (the library's own accept and reject). */
const SKIP_META = '@handlewithcare/prosemirror-suggest-changes$';

/** Whether the editor is in Suggesting: dispatch `tr.setMeta(suggestingKey, true | false)` to switch. */
const suggestingKey = new PluginKey<boolean>('suggesting');

/** Whether the editor is in Suggesting. */
export function isSuggesting(state: EditorState): boolean {
  return suggestingKey.getState(state) ?? false;
}

type Machinery = typeof import('./suggestingMachinery');
let machinery: Machinery | null = null;

/** Loads the suggestions library once (it stays out of the writing room's first load). */
export async function loadSuggesting(): Promise<Machinery> {
  machinery ??= await import('./suggestingMachinery');
  return machinery;
}

/** Switches an editor to Suggesting (`true`) or Editing, loading the library first when needed. */
export async function setSuggesting(editor: Editor, on: boolean): Promise<void> {
  if (on) {
    const loaded = await loadSuggesting();
    if (editor.isDestroyed) return;
    if (loaded.suggestChangesKey.getState(editor.state) === undefined) editor.registerPlugin(loaded.suggestChanges());
  }
  if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(suggestingKey, on));
}

export interface SuggestChangesOptions {
  /** Whose suggestions this editor makes: the signed-in writer's user id. */
  authorId: string;
  /** Start in Suggesting (commenters can only suggest). */
  startSuggesting: boolean;
}

/** Whether a transaction only adds or removes comment marks: never a suggestion. */
function onlyComments(tr: Transaction): boolean {
  return tr.steps.every((step) => (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && step.mark.type.name === markNames.comment);
}

/**
 * Suggesting mode, through `@handlewithcare/prosemirror-suggest-changes`: while it is on, what the
 * writer types, deletes or pastes is turned into insertion and deletion marks instead of changing
 * the text. Co-writers' changes arriving through Yjs, undo and redo, comment marks and the
 * library's own accept/reject transactions pass untouched; every suggestion is then made honest
 * about its author (see `attributeSuggestions`). Switch with {@link setSuggesting}.
 */
export const SuggestChanges = Extension.create<SuggestChangesOptions>({
  name: 'suggestChanges',

  addOptions() {
    return { authorId: '', startSuggesting: false };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<boolean>({
        key: suggestingKey,
        state: {
          init: () => false,
          apply: (tr, on) => (tr.getMeta(suggestingKey) as boolean | undefined) ?? on,
        },
      }),
    ];
  },

  onCreate() {
    if (this.options.startSuggesting) void setSuggesting(this.editor, true);
  },

  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    const passes =
      !transaction.docChanged ||
      !isSuggesting(state) ||
      transaction.getMeta(ySyncPluginKey) !== undefined ||
      transaction.getMeta(yUndoPluginKey) !== undefined ||
      'skip' in ((transaction.getMeta(SKIP_META) as object | undefined) ?? {}) ||
      onlyComments(transaction);
    if (passes) return next(transaction);
    // Suggesting is only switched on once the library is loaded; a change without it is not made.
    const suggesting = machinery?.suggestTransaction(transaction, state, this.options.authorId);
    // A change that cannot be kept as a suggestion (a block's kind, a scene break) is not made.
    if (!suggesting) return;
    next(suggesting.setMeta(SUGGESTION_META, this.options.authorId));
  },
});

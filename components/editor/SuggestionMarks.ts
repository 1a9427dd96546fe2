import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { suggestionAuthor, suggestionTime, wordAuthorName } from '@model/suggestions/suggestionId';
import { authorColor } from '../identity/authorColor';

/** Dispatch `tr.setMeta(suggestionNamesKey, names)` with the members' names by user id. */
export const suggestionNamesKey = new PluginKey<ReadonlyMap<string, string>>('suggestionNames');

/** How a suggestion's author and time read: "Ana, 2 Dec 10:42". */
export function suggestionByline(id: unknown, names: ReadonlyMap<string, string>): string {
  const author = suggestionAuthor(id);
  const at = suggestionTime(id);
  const fromWord = wordAuthorName(author);
  const name = fromWord ? `${fromWord} (in Word)` : ((author && names.get(author)) ?? 'A former member');
  return at ? `${name}, ${at.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}` : name;
}

function decorations(state: EditorState, names: ReadonlyMap<string, string>): DecorationSet {
  const found: Decoration[] = [];
  state.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const mark = node.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion');
    if (!mark) return false;
    const verb = mark.type.name === 'insertion' ? 'Suggested adding' : 'Suggested deleting';
    found.push(
      Decoration.inline(pos, pos + node.nodeSize, {
        class: `suggested suggested-${mark.type.name}`,
        style: `--suggestion-color: ${authorColor(suggestionAuthor(mark.attrs.id))}`,
        title: `${verb}: ${suggestionByline(mark.attrs.id, names)}`,
      }),
    );
    return false;
  });
  return DecorationSet.create(state.doc, found);
}

/**
 * Draws each suggestion in its author's colour (inserted text underlined, deleted text struck
 * through, by the stylesheet) with who suggested it and when on hover. Decorations only: showing
 * a suggestion never changes the document.
 */
export const SuggestionMarks = Extension.create({
  name: 'suggestionMarks',

  addProseMirrorPlugins() {
    return [
      new Plugin<{ names: ReadonlyMap<string, string>; set: DecorationSet }>({
        key: new PluginKey('suggestionMarks'),
        state: {
          init: (_, state) => ({ names: new Map(), set: decorations(state, new Map()) }),
          apply: (tr, value, _old, state) => {
            const names = (tr.getMeta(suggestionNamesKey) as ReadonlyMap<string, string> | undefined) ?? value.names;
            if (names === value.names && !tr.docChanged) return value;
            return { names, set: decorations(state, names) };
          },
        },
        props: {
          decorations(state) {
            return this.getState(state)?.set;
          },
        },
      }),
    ];
  },
});

import { Extension } from '@tiptap/core';
import type { Mark } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { allDecorations, updateDecorations, type BlockDecorations } from './incrementalDecorations';
import { suggestionAuthor, suggestionTime, wordAuthorName } from '@model/suggestions/suggestionId';
import { authorColor } from '../identity/authorColor';
import type { MemberDirectory } from '../workspace/useMemberDirectory';

interface MarksState {
  members: MemberDirectory;
  titles: Map<string, string>;
  set: DecorationSet;
}

const suggestionMarksKey = new PluginKey<MarksState>('suggestionMarks');

/** Dispatch `tr.setMeta(suggestionMembersKey, members)` with the members' names and colours by user id. */
export const suggestionMembersKey = new PluginKey<MemberDirectory>('suggestionMembers');

/** One formatter for every byline: making one per call costs about a millisecond. */
let timeFormat: Intl.DateTimeFormat | null = null;

/** How a suggestion's author and time read: "Ana, 2 Dec 10:42". */
export function suggestionByline(id: unknown, names: ReadonlyMap<string, string>): string {
  const author = suggestionAuthor(id);
  const at = suggestionTime(id);
  const fromWord = wordAuthorName(author);
  const name = fromWord ? `${fromWord} (in Word)` : ((author && names.get(author)) ?? 'A former member');
  timeFormat ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return at ? `${name}, ${timeFormat.format(at)}` : name;
}

/** What a suggestion's mark shows on hover, kept per id for as long as the names stay the same. */
function titleOf(mark: Mark, names: ReadonlyMap<string, string>, titles: Map<string, string>): string {
  const key = `${mark.type.name}:${String(mark.attrs.id)}`;
  let title = titles.get(key);
  if (title === undefined) {
    const verb = mark.type.name === 'insertion' ? 'Suggested adding' : 'Suggested deleting';
    title = `${verb}: ${suggestionByline(mark.attrs.id, names)}`;
    titles.set(key, title);
  }
  return title;
}

/** A block's suggestion decorations: each marked run in its author's colour, with its byline on hover. */
function blockDecorations({ names, colors }: MemberDirectory, titles: Map<string, string>): BlockDecorations {
  return (block, pos) => {
    const found: Decoration[] = [];
    block.forEach((node, offset) => {
      const mark = node.isText ? node.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion') : undefined;
      if (!mark) return;
      const from = pos + 1 + offset;
      found.push(
        Decoration.inline(
          from,
          from + node.nodeSize,
          {
            class: `suggested suggested-${mark.type.name}`,
            style: `--suggestion-color: ${authorColor(suggestionAuthor(mark.attrs.id), colors)}`,
            title: titleOf(mark, names, titles),
          },
          { suggestionId: String(mark.attrs.id), kind: mark.type.name },
        ),
      );
    });
    return found;
  };
}

/** The suggestions drawn in the editor: one decoration per marked run, each carrying its suggestion's id. */
export function suggestionDecorations(state: EditorState): DecorationSet {
  return suggestionMarksKey.getState(state)?.set ?? DecorationSet.empty;
}

/**
 * Draws each suggestion in its author's colour (inserted text underlined, deleted text struck
 * through, by the stylesheet) with who suggested it and when on hover. Decorations only: showing
 * a suggestion never changes the document. Kept up to date block by block, so a keystroke costs
 * the same whatever the number of suggestions.
 */
export const SuggestionMarks = Extension.create({
  name: 'suggestionMarks',

  addProseMirrorPlugins() {
    return [
      new Plugin<MarksState>({
        key: suggestionMarksKey,
        state: {
          init: (_, state) => {
            const titles = new Map<string, string>();
            const members: MemberDirectory = { names: new Map(), colors: new Map() };
            return { members, titles, set: allDecorations(state.doc, blockDecorations(members, titles)) };
          },
          apply: (tr, value, _old, state) => {
            const members = (tr.getMeta(suggestionMembersKey) as MemberDirectory | undefined) ?? value.members;
            if (members !== value.members) {
              // New names or colours: every suggestion is redrawn.
              const titles = new Map<string, string>();
              return { members, titles, set: allDecorations(state.doc, blockDecorations(members, titles)) };
            }
            if (!tr.docChanged) return value;
            return { ...value, set: updateDecorations(value.set, tr, blockDecorations(members, value.titles)) };
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

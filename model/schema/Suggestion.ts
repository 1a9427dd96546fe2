import { Mark } from '@tiptap/core';

/**
 * The three marks of suggesting mode, named and shaped as `@handlewithcare/prosemirror-suggest-changes`
 * expects them: `insertion` (text proposed for adding), `deletion` (text proposed for removal: it
 * stays in the document, struck through, until an editor accepts) and `modification` (a change to a
 * block's type or attributes; the editor never keeps one, see `SuggestChanges`). Each carries only
 * the suggestion's id, which names its author and time (`model/suggestions/suggestionId.ts`), so a
 * suggestion syncs through Yjs like any other mark and the sync server can tell whose it is.
 * Marks of one kind never overlap (in Yjs each is stored under its plain name).
 */
function suggestionMark(name: 'insertion' | 'deletion', tag: 'ins' | 'del') {
  return Mark.create({
    name,
    inclusive: false,
    excludes: 'insertion deletion modification',

    addAttributes() {
      return {
        id: {
          default: null,
          parseHTML: (element) => element.getAttribute('data-suggestion-id'),
          renderHTML: (attributes) => ({ 'data-suggestion-id': attributes.id }),
        },
      };
    },

    // Only Quire's own markup: an `<ins>` or `<del>` in an imported web page is plain text.
    parseHTML() {
      return [{ tag: `${tag}[data-suggestion-id]` }];
    },

    renderHTML({ HTMLAttributes }) {
      return [tag, { ...HTMLAttributes, class: `suggestion-${name}` }, 0];
    },
  });
}

/** Text proposed for adding. */
export const Insertion = suggestionMark('insertion', 'ins');

/** Text proposed for removal: kept in the document, struck through, until accepted or rejected. */
export const Deletion = suggestionMark('deletion', 'del');

/** A proposed change to a block (its type or attributes); required by the library, never kept. */
export const Modification = Mark.create({
  name: 'modification',
  inclusive: false,
  excludes: 'insertion deletion',
  addAttributes() {
    return { id: { default: null }, type: { default: null }, attrName: { default: null }, previousValue: { default: null }, newValue: { default: null } };
  },
  renderHTML() {
    return ['span', { class: 'suggestion-modification' }, 0];
  },
});

/**
 * The marks a container node lets its blocks carry (its `marks` spec): the suggestions library
 * marks a whole block it adds or removes for a moment, before `attributeSuggestions` moves the
 * mark onto the block's text (Yjs keeps no marks on blocks).
 */
export const BLOCK_SUGGESTION_MARKS = 'insertion deletion modification';

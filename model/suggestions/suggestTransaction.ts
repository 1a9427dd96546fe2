import type { EditorState, Transaction } from '@tiptap/pm/state';
import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { attributeSuggestions } from './attributeSuggestions';
import { newSuggestionId } from './suggestionId';

/**
 * The suggesting version of a writer's transaction: what it would insert is kept as an insertion
 * suggestion and what it would delete as a deletion suggestion, all by `authorId` (see
 * `attributeSuggestions`). Null when the change cannot be kept as a suggestion (a block's kind,
 * a scene break): it is then not made at all.
 */
export function suggestTransaction(tr: Transaction, state: EditorState, authorId: string): Transaction | null {
  const id = newSuggestionId(authorId);
  const suggesting = transformToSuggestionTransaction(tr, state, () => id);
  return attributeSuggestions(suggesting, authorId, id) ? suggesting : null;
}

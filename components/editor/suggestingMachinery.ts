/**
 * Everything Suggesting needs from the suggestions library, in one module the editor loads on
 * demand (`loadSuggesting` in `SuggestChanges.ts`), so the writing room's first load does not
 * carry it: turning a transaction into suggestions, the library's plugin (it marks added or
 * removed paragraph breaks with a pilcrow and steps over its invisible markers), and the commands
 * that accept, reject and select suggestions.
 */
export { suggestTransaction } from '@model/suggestions/suggestTransaction';
export { suggestChanges, suggestChangesKey, applySuggestion, applySuggestions, revertSuggestion, revertSuggestions, selectSuggestion } from '@handlewithcare/prosemirror-suggest-changes';

import { z } from 'zod';
import { HttpError } from '../http/HttpError';
import { MAX_QUERY_LENGTH, SearchQueryError, type SearchQuery } from '@model/search/searchQuery';

/** A search query as routes receive it (JSON body or URL parameters turned into booleans). */
export const SearchQueryInput = z.object({
  text: z.string().min(1, 'Type something to find.').max(MAX_QUERY_LENGTH, `Search for at most ${MAX_QUERY_LENGTH} characters.`),
  matchCase: z.boolean().default(false),
  wholeWords: z.boolean().default(false),
  regex: z.boolean().default(false),
  includeSuggestions: z.boolean().default(false),
});

/** A query from a URL: `?q=…&case=1&words=1&regex=1&suggestions=1`. Throws 400 for a missing or overlong one. */
export function searchQueryFromParams(params: URLSearchParams): SearchQuery {
  const on = (name: string) => params.get(name) === '1' || params.get(name) === 'true';
  const parsed = SearchQueryInput.safeParse({ text: params.get('q') ?? '', matchCase: on('case'), wholeWords: on('words'), regex: on('regex'), includeSuggestions: on('suggestions') });
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Send ?q=…');
  return parsed.data;
}

/** Runs a step that compiles a query, turning a query the writer must fix into a 400 with its message. */
export async function withQueryErrors<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof SearchQueryError) throw new HttpError(400, error.message);
    throw error;
  }
}

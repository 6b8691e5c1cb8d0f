export const SEARCH_INDEX_SCHEMA = 1;

/** The search index the site ships (assets/search-index.js), as the browser reads it. */
export interface SearchIndex {
  schema: typeof SEARCH_INDEX_SCHEMA;
  /** One row per idea: [id, title, status, team, tags joined by ",", page, voters]. */
  docs: [string, string, string, string, string, string, number][];
  /** word -> the docs holding it, as base-36 gaps joined by ",". */
  words: Record<string, string>;
}

/**
 * How the search index writes which ideas hold a word: ascending idea numbers as base-36 gaps
 * joined by commas (`0,3,a` is ideas 0, 3 and 13). Shared by the generator and the browser.
 */
export function encodePostings(ascending: readonly number[]): string {
  let last = 0;
  return ascending
    .map((n) => {
      const gap = n - last;
      last = n;
      return gap.toString(36);
    })
    .join(',');
}

export function decodePostings(encoded: string): number[] {
  let at = 0;
  return encoded === '' ? [] : encoded.split(',').map((gap) => (at += parseInt(gap, 36)));
}

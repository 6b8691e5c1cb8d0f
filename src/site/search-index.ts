/**
 * The search index the site ships: every idea's title, status, team and tags, and an inverted
 * index of the words of its title, body and tags, through the same `tokenize` (and stemming)
 * the similarity search uses, so the browser reads a query exactly as the index was built.
 * Postings are delta-encoded in base 36 to keep the file small on a phone.
 */
import { tokenize } from '../model/similarity.js';
import type { Idea } from '../model/types.js';
import { ideaHref } from './html.js';
import { encodePostings, SEARCH_INDEX_SCHEMA, type SearchIndex } from './postings.js';

export type { SearchIndex };

export function buildSearchIndex(
  entries: readonly { idea: Idea; status: string; voters: number }[],
): SearchIndex {
  const postings = new Map<string, number[]>();
  const docs: SearchIndex['docs'] = [];
  entries.forEach(({ idea, status, voters }, index) => {
    docs.push([
      idea.id,
      idea.title,
      status,
      idea.team ?? '',
      idea.tags.join(','),
      ideaHref('', idea.id),
      voters,
    ]);
    // A word met again in the same idea finds the idea already last in its list: no set of
    // each idea's words is made (10,000 sets of garbage; 6 % of building the index).
    for (const word of tokenize(`${idea.title}\n${idea.tags.join(' ')}\n${idea.body}`)) {
      const list = postings.get(word);
      if (!list) postings.set(word, [index]);
      else if (list[list.length - 1] !== index) list.push(index);
    }
  });
  // Words are [a-z0-9]+ (never `__proto__`); the reader still looks them up with Object.hasOwn.
  const words: Record<string, string> = {};
  for (const word of [...postings.keys()].sort()) {
    words[word] = encodePostings(postings.get(word) ?? []);
  }
  return { schema: SEARCH_INDEX_SCHEMA, docs, words };
}

/**
 * The index as a script that hands it to the site's script: a file the CSP allows by `'self'`,
 * which, unlike fetching JSON, also works when the site is opened from disk (file://).
 * JSON is valid JavaScript, so the data is never code.
 */
export function searchIndexScript(index: SearchIndex): string {
  return `globalThis.ideasSearchIndex=${JSON.stringify(index)};\n`;
}

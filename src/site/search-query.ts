/**
 * A query against the shipped search index, as the browser runs it (pure, so tests run it too).
 * Words go through the index's own `tokenize`; every word must match, the last as a prefix
 * (the reader is still typing it); `status:`, `team:` and `tag:` filter. Results keep the
 * index's order, which is the site's ranking.
 */
import { tokenize } from '../model/similarity.js';
import { decodePostings } from './postings.js';
import type { SearchIndex } from './postings.js';

export interface SearchResult {
  total: number;
  /** Doc numbers, best ranked first, at most `limit`. */
  docs: number[];
}

export interface PreparedIndex {
  index: SearchIndex;
  /** The index's words, sorted, for prefix lookups. */
  sorted: string[];
}

export function prepareIndex(index: SearchIndex): PreparedIndex {
  return { index, sorted: Object.keys(index.words).sort() };
}

const FILTER = /^(status|team|tag):(.+)$/i;

export function runSearch(prepared: PreparedIndex, query: string, limit = 50): SearchResult {
  const { index } = prepared;
  const filters: { key: string; value: string }[] = [];
  const text: string[] = [];
  for (const part of query.trim().split(/\s+/).filter(Boolean)) {
    const filter = FILTER.exec(part);
    if (filter)
      filters.push({
        key: (filter[1] ?? '').toLowerCase(),
        value: (filter[2] ?? '').toLowerCase(),
      });
    else text.push(part);
  }
  const words = tokenize(text.join(' '));
  const endsWithSpace = /\s$/.test(query);
  let matched: Set<number> | undefined;
  for (const [i, word] of words.entries()) {
    const prefix = i === words.length - 1 && !endsWithSpace;
    const docs = new Set<number>();
    const add = (w: string) => {
      if (Object.hasOwn(index.words, w))
        for (const d of decodePostings(index.words[w] ?? '')) docs.add(d);
    };
    if (prefix) for (const w of withPrefix(prepared.sorted, word)) add(w);
    else add(word);
    matched = matched === undefined ? docs : new Set([...matched].filter((d) => docs.has(d)));
  }
  if (words.length === 0 && filters.length === 0) return { total: 0, docs: [] };
  const candidates: number[] =
    matched === undefined ? index.docs.map((_, i) => i) : [...matched].sort((a, b) => a - b);
  const kept = candidates.filter((n) => {
    const doc = index.docs[n];
    if (!doc) return false;
    return filters.every(({ key, value }) =>
      key === 'status'
        ? doc[2].toLowerCase() === value
        : key === 'team'
          ? doc[3].toLowerCase() === value
          : doc[4].toLowerCase().split(',').includes(value),
    );
  });
  return { total: kept.length, docs: kept.slice(0, limit) };
}

/** Every word of `sorted` starting with `prefix`, by binary search to the first one. */
function withPrefix(sorted: readonly string[], prefix: string): string[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? '') < prefix) low = mid + 1;
    else high = mid;
  }
  const found: string[] = [];
  for (let i = low; i < sorted.length && (sorted[i] ?? '').startsWith(prefix); i++)
    found.push(sorted[i] ?? '');
  return found;
}

/**
 * How alike two ideas read: TF-IDF cosine over title and body, blended with the overlap of
 * title trigrams (which catches "Overnight shipping" against "Over-night shipment").
 * Pure and dependency-free; candidates come from an inverted index, so a repository of
 * thousands of ideas is never compared pair by pair.
 */

export interface Document {
  id: string;
  title: string;
  body: string;
}

export interface Match {
  id: string;
  score: number;
}

const STOP_WORDS = new Set(
  'a an and are as at be by for from has have how i if in into is it its of on or our so that the their this to we what when which who why will with would you your problem proposal evidence'.split(
    ' ',
  ),
);

/**
 * The score from which an idea is shown as similar (by new and show). Tuned on the demo:
 * "Next-day shipping for small orders" against "Offer overnight shipping for orders before
 * 6 pm" scores 0.28, against an unrelated "Mobile app for order tracking" 0.15.
 */
export const SIMILAR_THRESHOLD = 0.25;

/** Above this share of documents, a word says nothing about similarity and is not indexed. */
const COMMON_WORD_SHARE = 0.02;

export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  // Decomposing accents (é -> e) matters only beyond ASCII, and costs on every text.
  // eslint-disable-next-line no-control-regex
  const plain = /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFKD');
  return (plain.match(/[a-z0-9]+/g) ?? [])
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map(stem);
}

/** A light stemmer: enough to meet "shipping" with "ship" and "customers" with "customer". */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('es')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function trigrams(text: string): Set<string> {
  const clean = ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= clean.length; i++) grams.add(clean.slice(i, i + 3));
  return grams;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return shared / (a.size + b.size - shared);
}

interface Indexed {
  doc: Document;
  vector: Map<string, number>;
  /** Built when a pair first needs it: most documents are never scored against another. */
  titleGrams?: Set<string>;
}

export class SimilarityIndex {
  private readonly entries: Indexed[] = [];
  private readonly documentFrequency = new Map<string, number>();
  /** For each indexed word: the documents holding it, ascending, and its weight in each. */
  private readonly postings = new Map<string, { docs: number[]; weights: number[] }>();
  private readonly total: number;

  constructor(docs: readonly Document[]) {
    this.total = Math.max(1, docs.length);
    const termCounts = docs.map((doc) => {
      // The title counts twice: it is what people read first and what they mean.
      const counts = new Map<string, number>();
      for (const word of [...tokenize(doc.title), ...tokenize(doc.title), ...tokenize(doc.body)]) {
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
      for (const word of counts.keys())
        this.documentFrequency.set(word, (this.documentFrequency.get(word) ?? 0) + 1);
      return counts;
    });
    docs.forEach((doc, index) => {
      const vector = this.weigh(termCounts[index] ?? new Map());
      this.entries.push({ doc, vector });
      for (const word of vector.keys()) {
        if (!this.isIndexed(word)) continue;
        const list = this.postings.get(word);
        if (list) {
          list.docs.push(index);
          list.weights.push(vector.get(word) ?? 0);
        } else this.postings.set(word, { docs: [index], weights: [vector.get(word) ?? 0] });
      }
    });
  }

  private isIndexed(word: string): boolean {
    const df = this.documentFrequency.get(word) ?? 0;
    return df <= Math.max(5, this.total * COMMON_WORD_SHARE);
  }

  private weigh(counts: Map<string, number>): Map<string, number> {
    const n = this.total;
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [word, count] of counts) {
      const idf = Math.log(1 + n / (1 + (this.documentFrequency.get(word) ?? 0)));
      const weight = (1 + Math.log(count)) * idf;
      vector.set(word, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [word, weight] of vector) vector.set(word, weight / norm);
    return vector;
  }

  /** 0..1: 70 % body-and-title cosine, 30 % title trigram overlap. */
  private score(a: Indexed, b: Indexed): number {
    let dot = 0;
    const [small, large] =
      a.vector.size < b.vector.size ? [a.vector, b.vector] : [b.vector, a.vector];
    for (const [word, weight] of small) dot += weight * (large.get(word) ?? 0);
    return (
      0.7 * dot +
      0.3 *
        jaccard((a.titleGrams ??= trigrams(a.doc.title)), (b.titleGrams ??= trigrams(b.doc.title)))
    );
  }

  /** The indexed documents most like `doc`, best first, at or above `threshold`. */
  similarTo(doc: Document, { limit = 5, threshold = SIMILAR_THRESHOLD } = {}): Match[] {
    const counts = new Map<string, number>();
    for (const word of [...tokenize(doc.title), ...tokenize(doc.title), ...tokenize(doc.body)]) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    const probe: Indexed = { doc, vector: this.weigh(counts) };
    const candidates = new Set<number>();
    for (const word of probe.vector.keys()) {
      for (const index of this.postings.get(word)?.docs ?? []) candidates.add(index);
    }
    const matches: Match[] = [];
    for (const index of candidates) {
      const entry = this.entries[index];
      if (!entry || entry.doc.id === doc.id) continue;
      const score = this.score(probe, entry);
      if (score >= threshold) matches.push({ id: entry.doc.id, score });
    }
    return matches.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1)).slice(0, limit);
  }

  /**
   * Every pair of indexed documents at or above `threshold`, each pair once. The cosine is first
   * accumulated over rare words only (through the postings); only pairs whose rare words alone
   * come near the bar get the full score. Common words weigh little, so little is missed.
   */
  similarPairs(threshold: number): { a: string; b: string; score: number }[] {
    const pairs: { a: string; b: string; score: number }[] = [];
    const needed = Math.max(0, (threshold - 0.3) / 0.7 - 0.15);
    const partial = new Float64Array(this.entries.length);
    const touched: number[] = [];
    this.entries.forEach((entry, index) => {
      for (const [word, weight] of entry.vector) {
        const list = this.postings.get(word);
        if (!list) continue;
        const { docs, weights } = list;
        // Postings are ascending: only documents after this one, so each pair is met once.
        for (let i = firstAfter(docs, index); i < docs.length; i++) {
          const other = docs[i] as number;
          if (partial[other] === 0) touched.push(other);
          partial[other] = (partial[other] ?? 0) + weight * (weights[i] ?? 0);
        }
      }
      for (const other of touched) {
        const otherEntry = this.entries[other];
        if ((partial[other] ?? 0) >= needed && otherEntry) {
          const score = this.score(entry, otherEntry);
          if (score >= threshold) pairs.push({ a: entry.doc.id, b: otherEntry.doc.id, score });
        }
        partial[other] = 0;
      }
      touched.length = 0;
    });
    return pairs;
  }
}

/** Index of the first entry of an ascending list greater than `value`. */
function firstAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

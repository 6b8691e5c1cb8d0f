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

/**
 * A title's trigrams, each coded as a number: after cleaning only `a-z`, `0-9` and the space
 * remain, so three characters are one of 37³ codes, and the set is a sorted array. Comparing two
 * titles is then a count of marks in an array (the similarity sweep of 10,000 ideas compares
 * hundreds of thousands of titles), and the overlap counted is the same as with strings.
 */
export function trigrams(text: string): Uint16Array {
  const clean = ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
  const codes: number[] = [];
  for (let i = 0; i + 3 <= clean.length; i++)
    codes.push(
      charCode(clean.charCodeAt(i)) * 1369 +
        charCode(clean.charCodeAt(i + 1)) * 37 +
        charCode(clean.charCodeAt(i + 2)),
    );
  const sorted = Uint16Array.from(codes).sort();
  let size = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[size++] = sorted[i] as number;
  return sorted.subarray(0, size);
}

/** The space, a-z, 0-9 as 0, 1..26, 27..36. */
function charCode(code: number): number {
  if (code === 32) return 0;
  return code >= 97 ? code - 96 : code - 48 + 27;
}

/** How often each word occurs; the title counts twice: it is what people read first and mean. */
function countTerms(doc: Document): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of tokenize(doc.title)) counts.set(word, (counts.get(word) ?? 0) + 2);
  for (const word of tokenize(doc.body)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

interface Indexed {
  doc: Document;
  /** The document's words as ids of the index's vocabulary (-1: a word no document has), in
   * the order they first occur, with their TF-IDF weights (normalised). */
  terms: Int32Array;
  weights: Float64Array;
  /** The length of the vector's part over common (unindexed) words: bounds what they add. */
  commonNorm: number;
  /** Built when a pair first needs it: most documents are never scored against another. */
  titleGrams?: Uint16Array;
}

export class SimilarityIndex {
  private readonly entries: Indexed[] = [];
  /** Every word of the documents: its id, and in how many documents it occurs. */
  private readonly vocabulary = new Map<string, number>();
  private readonly documentFrequency: number[] = [];
  /** For each indexed word id: the documents holding it, ascending, and its weight in each. */
  private readonly postings: ({ docs: number[]; weights: number[] } | undefined)[] = [];
  private readonly total: number;
  /** One document's weights spread by word id, and each word's place in it: what a score reads. */
  private spreadWeights: Float64Array | undefined;
  private spreadPlaces: Int32Array | undefined;
  /** The spread document's title trigrams, marked by code. */
  private readonly gramMarks = new Uint8Array(37 ** 3);
  /** Scratch for a score: products by their place in the spread document, and the places met. */
  private products: Float64Array | undefined;
  private placesMet: number[] | undefined;

  constructor(docs: readonly Document[]) {
    this.total = Math.max(1, docs.length);
    const termCounts = docs.map((doc) => {
      const counts = countTerms(doc);
      for (const word of counts.keys()) {
        const id = this.vocabulary.get(word);
        if (id === undefined) {
          this.vocabulary.set(word, this.documentFrequency.length);
          this.documentFrequency.push(1);
        } else this.documentFrequency[id] = (this.documentFrequency[id] ?? 0) + 1;
      }
      return counts;
    });
    docs.forEach((doc, index) => {
      const entry = this.weigh(doc, termCounts[index] ?? new Map());
      this.entries.push(entry);
      let common = 0;
      entry.terms.forEach((id, i) => {
        const weight = entry.weights[i] ?? 0;
        if (!this.isIndexed(id)) {
          common += weight * weight;
          return;
        }
        const list = this.postings[id];
        if (list) {
          list.docs.push(index);
          list.weights.push(weight);
        } else this.postings[id] = { docs: [index], weights: [weight] };
      });
      entry.commonNorm = Math.sqrt(common);
    });
  }

  private isIndexed(id: number): boolean {
    const df = this.documentFrequency[id] ?? 0;
    return df <= Math.max(5, this.total * COMMON_WORD_SHARE);
  }

  private weigh(doc: Document, counts: Map<string, number>): Indexed {
    const n = this.total;
    const terms = new Int32Array(counts.size);
    const weights = new Float64Array(counts.size);
    let norm = 0;
    let i = 0;
    for (const [word, count] of counts) {
      const id = this.vocabulary.get(word) ?? -1;
      const idf = Math.log(1 + n / (1 + (id < 0 ? 0 : (this.documentFrequency[id] ?? 0))));
      const weight = (1 + Math.log(count)) * idf;
      terms[i] = id;
      weights[i++] = weight;
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] ?? 0) / norm;
    // The constructor fills commonNorm in for the documents it indexes; a probe needs none.
    return { doc, terms, weights, commonNorm: 0 };
  }

  /** Make `a` the document the next scores compare against; `clear` undoes it. */
  private spread(a: Indexed): void {
    const size = this.documentFrequency.length;
    const weights = (this.spreadWeights ??= new Float64Array(size));
    const places = (this.spreadPlaces ??= new Int32Array(size));
    if ((this.products?.length ?? 0) < a.terms.length)
      this.products = new Float64Array(Math.max(64, a.terms.length));
    a.terms.forEach((id, i) => {
      if (id < 0) return;
      weights[id] = a.weights[i] ?? 0;
      places[id] = i;
    });
    for (const gram of titleGrams(a)) this.gramMarks[gram] = 1;
  }

  private clear(a: Indexed): void {
    for (const id of a.terms) if (id >= 0 && this.spreadWeights) this.spreadWeights[id] = 0;
    for (const gram of titleGrams(a)) this.gramMarks[gram] = 0;
  }

  /** 0..1: 70 % body-and-title cosine, 30 % title trigram overlap, of `a` (spread) and `b`. */
  private score(a: Indexed, b: Indexed): number {
    return blend(this.cosine(a, b), this.titleOverlap(a, b));
  }

  /** Jaccard overlap of the title trigrams of `a` (spread) and `b`. */
  private titleOverlap(a: Indexed, b: Indexed): number {
    const mine = titleGrams(a);
    const theirs = titleGrams(b);
    if (mine.length === 0 || theirs.length === 0) return 0;
    const marks = this.gramMarks;
    let shared = 0;
    for (let i = 0; i < theirs.length; i++) shared += marks[theirs[i] as number] as number;
    return shared / (mine.length + theirs.length - shared);
  }

  /**
   * The cosine of `a` (spread) and `b`. It adds the products in the order of the shorter
   * vector's words, as a walk over that vector would: a score is the same to the last bit
   * whichever document is spread.
   */
  private cosine(a: Indexed, b: Indexed): number {
    const spread = this.spreadWeights;
    const places = this.spreadPlaces;
    const products = this.products;
    const { terms, weights } = b;
    let dot = 0;
    if (!spread || !places || !products) return dot;
    if (a.terms.length < b.terms.length) {
      // Shared words are met in b's order: each product goes to its place in a, then the sum.
      const at = (this.placesMet ??= []);
      at.length = 0;
      for (let i = 0; i < terms.length; i++) {
        const id = terms[i] as number;
        const weight = spread[id] as number;
        if (weight === 0) continue;
        const place = places[id] as number;
        at.push(place);
        products[place] = weight * (weights[i] as number);
      }
      at.sort((x, y) => x - y);
      for (const place of at) dot += products[place] as number;
    } else {
      for (let i = 0; i < terms.length; i++)
        dot += (weights[i] as number) * (spread[terms[i] as number] as number);
    }
    return dot;
  }

  /** The indexed documents most like `doc`, best first, at or above `threshold`. */
  similarTo(doc: Document, { limit = 5, threshold = SIMILAR_THRESHOLD } = {}): Match[] {
    const probe = this.weigh(doc, countTerms(doc));
    const candidates = new Set<number>();
    for (const id of probe.terms) {
      for (const index of this.postings[id]?.docs ?? []) candidates.add(index);
    }
    const matches: Match[] = [];
    this.spread(probe);
    for (const index of candidates) {
      const entry = this.entries[index];
      if (!entry || entry.doc.id === doc.id) continue;
      const score = this.score(probe, entry);
      if (score >= threshold) matches.push({ id: entry.doc.id, score });
    }
    this.clear(probe);
    return matches.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1)).slice(0, limit);
  }

  /**
   * Every pair of indexed documents at or above `threshold`, each pair once. The cosine is first
   * accumulated over rare words only (through the postings); only pairs whose rare words alone
   * come near the bar get the full score. Common words weigh little, so little is missed.
   * Below that, a bound decides without the full cosine: what common words add to it is at
   * most the product of the two vectors' common parts (Cauchy–Schwarz). On 10,000 ideas it
   * leaves 1 pair in 100 to score in full, and never drops one that reaches the threshold.
   */
  similarPairs(threshold: number): { a: string; b: string; score: number }[] {
    const pairs: { a: string; b: string; score: number }[] = [];
    const needed = Math.max(0, (threshold - 0.3) / 0.7 - 0.15);
    const partial = new Float64Array(this.entries.length);
    const touched: number[] = [];
    this.entries.forEach((entry, index) => {
      entry.terms.forEach((id, k) => {
        const list = this.postings[id];
        if (!list) return;
        const weight = entry.weights[k] ?? 0;
        const { docs, weights } = list;
        // Postings are ascending: only documents after this one, so each pair is met once.
        for (let i = firstAfter(docs, index); i < docs.length; i++) {
          const other = docs[i] as number;
          if (partial[other] === 0) touched.push(other);
          partial[other] = (partial[other] ?? 0) + weight * (weights[i] ?? 0);
        }
      });
      this.spread(entry);
      for (const other of touched) {
        const rare = partial[other] ?? 0;
        partial[other] = 0;
        const otherEntry = this.entries[other];
        if (rare < needed || !otherEntry) continue;
        const overlap = this.titleOverlap(entry, otherEntry);
        // The margin covers rounding: the partial sum adds the same products in another order.
        const most = blend(Math.min(1, rare + entry.commonNorm * otherEntry.commonNorm), overlap);
        if (most < threshold - 1e-9) continue;
        const score = blend(this.cosine(entry, otherEntry), overlap);
        if (score >= threshold) pairs.push({ a: entry.doc.id, b: otherEntry.doc.id, score });
      }
      this.clear(entry);
      touched.length = 0;
    });
    return pairs;
  }
}

function titleGrams(entry: Indexed): Uint16Array {
  return (entry.titleGrams ??= trigrams(entry.doc.title));
}

/** The one mix of the two measures, for a score and for its bound. */
function blend(cosine: number, titleOverlap: number): number {
  return 0.7 * cosine + 0.3 * titleOverlap;
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

/**
 * How alike two ideas read: TF-IDF cosine over title and body, blended with the overlap of
 * title trigrams (which catches "Overnight shipping" against "Over-night shipment").
 * Pure and dependency-free; candidates come from an inverted index, so a repository of
 * thousands of ideas is never compared pair by pair.
 */

import { prefixPostings, ROUNDING, type Postings } from './similarity-prefix.js';
import { tokenize, trigrams } from './similarity-text.js';

export { tokenize, trigrams };

export interface Document {
  id: string;
  title: string;
  body: string;
}

export interface Match {
  id: string;
  score: number;
}

/**
 * The score from which an idea is shown as similar (by new and show). Tuned on the demo:
 * "Next-day shipping for small orders" against "Offer overnight shipping for orders before
 * 6 pm" scores 0.28, against an unrelated "Mobile app for order tracking" 0.15.
 */
export const SIMILAR_THRESHOLD = 0.25;

/** Above this share of documents, a word says nothing about similarity and is not indexed. */
const COMMON_WORD_SHARE = 0.02;

/** How often each word occurs; the title counts twice: it is what people read first and mean. */
function countTerms(doc: Document): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of tokenize(doc.title)) counts.set(word, (counts.get(word) ?? 0) + 2);
  for (const word of tokenize(doc.body)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** A document's words as vocabulary ids, in the order they first occur, with their counts. */
interface Counted {
  ids: Int32Array;
  counts: Float64Array;
}

/**
 * An indexed document. Its TF-IDF weights (normalised) are worked out when a score first reads
 * them: a sweep reads every document's, one query (show, new) only its candidates'.
 */
class Indexed {
  /** Built when a pair first needs it: most documents are never scored against another. */
  titleGrams?: Uint16Array;
  private weighed: Float64Array | undefined;

  /**
   * `terms`: the document's words as ids of the index's vocabulary (-1: a word no document
   * has), in the order they first occur; `counts` their counts; `df` the index's document
   * frequencies, complete before any weight is read.
   */
  constructor(
    readonly doc: Document,
    readonly terms: Int32Array,
    private readonly counts: Float64Array,
    private readonly df: readonly number[],
    private readonly total: number,
  ) {}

  get weights(): Float64Array {
    return (this.weighed ??= weigh(this.terms, this.counts, this.df, this.total));
  }
}

export class SimilarityIndex {
  private readonly entries: Indexed[];
  /** Every word of the documents: its id, and in how many documents it occurs. */
  private readonly vocabulary = new Map<string, number>();
  private readonly documentFrequency: number[] = [];
  /** Scratch while counting one document: its count of each word id (0 when absent). */
  private readonly countScratch: number[] = [];
  /** Words in few documents (≤ COMMON_WORD_SHARE), in every document: the low-threshold sweep's candidates. */
  private rare: { postings: Postings; commonNorms: Float64Array } | undefined;
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
    const counted = docs.map((doc) => this.countDocument(doc));
    this.entries = docs.map((doc, index) => {
      const { ids, counts } = counted[index] ?? {
        ids: new Int32Array(),
        counts: new Float64Array(),
      };
      return new Indexed(doc, ids, counts, this.documentFrequency, this.total);
    });
  }

  /** Counts a document's words into the vocabulary (ids and document frequencies). */
  private countDocument(doc: Document): Counted {
    const order: number[] = [];
    this.countWords(tokenize(doc.title), 2, order);
    this.countWords(tokenize(doc.body), 1, order);
    const ids = Int32Array.from(order);
    const counts = new Float64Array(order.length);
    const scratch = this.countScratch;
    for (let i = 0; i < order.length; i++) {
      const id = order[i] as number;
      counts[i] = scratch[id] as number;
      scratch[id] = 0;
      this.documentFrequency[id] = (this.documentFrequency[id] as number) + 1;
    }
    return { ids, counts };
  }

  private countWords(words: readonly string[], by: number, order: number[]): void {
    const scratch = this.countScratch;
    for (const word of words) {
      let id = this.vocabulary.get(word);
      if (id === undefined) {
        id = this.documentFrequency.length;
        this.vocabulary.set(word, id);
        this.documentFrequency.push(0);
        scratch.push(0);
      }
      if (scratch[id] === 0) order.push(id);
      scratch[id] = (scratch[id] as number) + by;
    }
  }

  private isIndexed(id: number): boolean {
    const df = this.documentFrequency[id] ?? 0;
    return df <= Math.max(5, this.total * COMMON_WORD_SHARE);
  }

  /** A document that is not indexed, weighed against the index's vocabulary. */
  private probe(doc: Document): Indexed {
    const counts = countTerms(doc);
    const ids = Int32Array.from(counts.keys(), (word) => this.vocabulary.get(word) ?? -1);
    return new Indexed(
      doc,
      ids,
      Float64Array.from(counts.values()),
      this.documentFrequency,
      this.total,
    );
  }

  /**
   * The postings of the words in at most COMMON_WORD_SHARE of the documents, and each
   * document's norm over the other words: built once, when a low-threshold similarPairs first
   * needs them.
   */
  private rareWords(): { postings: Postings; commonNorms: Float64Array } {
    if (this.rare) return this.rare;
    const postings: Postings = [];
    const commonNorms = new Float64Array(this.entries.length);
    this.entries.forEach((entry, index) => {
      let common = 0;
      entry.terms.forEach((id, i) => {
        const weight = entry.weights[i] ?? 0;
        if (!this.isIndexed(id)) {
          common += weight * weight;
          return;
        }
        const list = postings[id];
        if (list) {
          list.docs.push(index);
          list.weights.push(weight);
        } else postings[id] = { docs: [index], weights: [weight] };
      });
      commonNorms[index] = Math.sqrt(common);
    });
    return (this.rare = { postings, commonNorms });
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

  /**
   * The score of the `i`-th and the `j`-th document given to the constructor: the figure
   * similarTo and similarPairs report, compared pair by pair (for checks; it is slow in a loop).
   */
  scoreAt(i: number, j: number): number {
    const a = this.entries[i];
    const b = this.entries[j];
    if (!a || !b) return 0;
    this.spread(a);
    const score = this.score(a, b);
    this.clear(a);
    return score;
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

  /**
   * The indexed documents most like `doc`, best first, at or above `threshold`. One query needs
   * no postings: a walk over every document's word ids finds the documents sharing one of its
   * rare words (the candidates the postings would give), and only they are weighed.
   */
  similarTo(doc: Document, { limit = 5, threshold = SIMILAR_THRESHOLD } = {}): Match[] {
    const probe = this.probe(doc);
    const rare = new Uint8Array(this.documentFrequency.length);
    for (const id of probe.terms) if (id >= 0 && this.isIndexed(id)) rare[id] = 1;
    const matches: Match[] = [];
    this.spread(probe);
    for (const entry of this.entries) {
      if (entry.doc.id === doc.id || !holdsAny(entry.terms, rare)) continue;
      const score = this.score(probe, entry);
      if (score >= threshold) matches.push({ id: entry.doc.id, score });
    }
    this.clear(probe);
    return matches.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1)).slice(0, limit);
  }

  /**
   * Every pair of indexed documents at or above `threshold`, each pair once, in the order of
   * the documents given. Where the cosine must reach a floor (any threshold above what the
   * title overlap alone can give), the answer is exact: every pair a pair-by-pair comparison
   * would report (sweepExact). Below that, candidates are the pairs sharing a rare word.
   */
  similarPairs(threshold: number): { a: string; b: string; score: number }[] {
    const cosineFloor = (threshold - TITLE_SHARE) / COSINE_SHARE;
    return cosineFloor > 0 ? this.sweepExact(threshold, cosineFloor) : this.sweepRare(threshold);
  }

  /**
   * The exact sweep, by prefix filtering (as in all-pairs similarity search): each document
   * indexes only its rarer words, leaving out its commonest ones while their part of the unit
   * vector stays under the cosine floor. Two documents whose cosine reaches the floor must then
   * share a word the other indexed (what they share elsewhere adds less than the floor), so
   * probing each document's whole vector against those postings misses no pair; and as common
   * words are left out, a word in every document never makes every document a candidate.
   * What a candidate's left-out words can add is bounded by their norm (Cauchy–Schwarz), so
   * most candidates are dropped before a full score.
   */
  private sweepExact(threshold: number, cosineFloor: number) {
    const pairs: { a: string; b: string; score: number }[] = [];
    const { postings, leftOut } = prefixPostings(this.entries, this.documentFrequency, cosineFloor);
    const bar = threshold - ROUNDING;
    const partial = new Float64Array(this.entries.length);
    const met = new Uint8Array(this.entries.length);
    const touched: number[] = [];
    for (let index = 0; index < this.entries.length; index++) {
      const entry = this.entries[index] as Indexed;
      const { terms, weights } = entry;
      for (let k = 0; k < terms.length; k++) {
        const list = postings[terms[k] as number];
        if (!list) continue;
        const weight = weights[k] as number;
        const { docs, weights: theirs } = list;
        // Postings are ascending: only documents after this one, so each pair is met once.
        for (let i = firstAfter(docs, index); i < docs.length; i++) {
          const other = docs[i] as number;
          if (met[other] === 0) {
            met[other] = 1;
            touched.push(other);
          }
          partial[other] = (partial[other] as number) + weight * (theirs[i] as number);
        }
      }
      touched.sort((x, y) => x - y);
      let spread = false;
      for (const other of touched) {
        const most = Math.min(1, (partial[other] as number) + (leftOut[other] as number));
        partial[other] = 0;
        met[other] = 0;
        if (blend(most, 1) < bar) continue;
        const otherEntry = this.entries[other] as Indexed;
        if (!spread) {
          this.spread(entry);
          spread = true;
        }
        const overlap = this.titleOverlap(entry, otherEntry);
        if (blend(most, overlap) < bar) continue;
        const score = blend(this.cosine(entry, otherEntry), overlap);
        if (score >= threshold) pairs.push({ a: entry.doc.id, b: otherEntry.doc.id, score });
      }
      if (spread) this.clear(entry);
      touched.length = 0;
    }
    return pairs;
  }

  /**
   * The sweep for low thresholds, where a title alike is enough and no cosine floor bounds the
   * candidates: the cosine is first accumulated over rare words only (through the postings);
   * only pairs whose rare words alone come near the bar get the full score. Common words weigh
   * little, so little is missed. Below that, a bound decides without the full cosine: what
   * common words add to it is at most the product of the two vectors' common parts.
   */
  private sweepRare(threshold: number) {
    const pairs: { a: string; b: string; score: number }[] = [];
    const { postings, commonNorms } = this.rareWords();
    const needed = Math.max(0, (threshold - TITLE_SHARE) / COSINE_SHARE - 0.15);
    const partial = new Float64Array(this.entries.length);
    const touched: number[] = [];
    this.entries.forEach((entry, index) => {
      entry.terms.forEach((id, k) => {
        const list = postings[id];
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
        const most = blend(
          Math.min(1, rare + (commonNorms[index] ?? 0) * (commonNorms[other] ?? 0)),
          overlap,
        );
        if (most < threshold - ROUNDING) continue;
        const score = blend(this.cosine(entry, otherEntry), overlap);
        if (score >= threshold) pairs.push({ a: entry.doc.id, b: otherEntry.doc.id, score });
      }
      this.clear(entry);
      touched.length = 0;
    });
    return pairs;
  }
}

/** TF-IDF weights of counted words, normalised to a unit vector. */
function weigh(
  ids: Int32Array,
  counts: Float64Array,
  df: readonly number[],
  total: number,
): Float64Array {
  const weights = new Float64Array(ids.length);
  let norm = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const idf = Math.log(1 + total / (1 + (id < 0 ? 0 : (df[id] ?? 0))));
    const weight = (1 + Math.log(counts[i] as number)) * idf;
    weights[i] = weight;
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] ?? 0) / norm;
  return weights;
}

/** Whether any of `terms` is marked in `marks`. */
function holdsAny(terms: Int32Array, marks: Uint8Array): boolean {
  for (let i = 0; i < terms.length; i++) if (marks[terms[i] as number] === 1) return true;
  return false;
}

/** The two measures' shares of a score. */
const COSINE_SHARE = 0.7;
const TITLE_SHARE = 0.3;

function titleGrams(entry: Indexed): Uint16Array {
  return (entry.titleGrams ??= trigrams(entry.doc.title));
}

/** The one mix of the two measures, for a score and for its bound. */
function blend(cosine: number, titleOverlap: number): number {
  return COSINE_SHARE * cosine + TITLE_SHARE * titleOverlap;
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

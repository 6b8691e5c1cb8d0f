/**
 * The postings of the exact similarity sweep (SimilarityIndex.similarPairs): each document
 * indexes its rarer words only, leaving out its commonest ones while their part of its unit
 * vector stays under the cosine floor, so a pair whose cosine reaches the floor always shares
 * an indexed word (prefix filtering, as in all-pairs similarity search).
 */

/** For each word id: the documents holding it, ascending, and its weight in each. */
export type Postings = ({ docs: number[]; weights: number[] } | undefined)[];

/** A bound computed by another order of additions may differ from the score in its last bits. */
export const ROUNDING = 1e-9;

/** More places than a document has words (a record is at most 1 MiB): rank × PLACES + place. */
const PLACES = 2 ** 21;

/** Each document's rarer words, and the norm of the words it left out (`leftOut`, by document). */
export function prefixPostings(
  entries: readonly { terms: Int32Array; weights: Float64Array }[],
  df: readonly number[],
  cosineFloor: number,
): { postings: Postings; leftOut: Float64Array } {
  const postings: Postings = [];
  const leftOut = new Float64Array(entries.length);
  // Squared, and a little under the floor, so rounding never lets a pair through the gap.
  const room = (cosineFloor - ROUNDING) ** 2;
  // Every word's rank, commonest first (ties by word id, so the split is the same on every
  // run); a document's words sort by rank and place packed in one number, without a comparator.
  const byRank = Array.from(df.keys()).sort(
    (a, b) => (df[b] as number) - (df[a] as number) || a - b,
  );
  const rank = new Float64Array(df.length);
  byRank.forEach((id, r) => (rank[id] = r));
  let order = new Float64Array(64);
  entries.forEach((entry, index) => {
    const { terms, weights } = entry;
    if (order.length < terms.length) order = new Float64Array(terms.length);
    const keys = order.subarray(0, terms.length);
    for (let i = 0; i < terms.length; i++)
      keys[i] = (rank[terms[i] as number] as number) * PLACES + i;
    keys.sort();
    let left = 0;
    let k = 0;
    for (; k < keys.length; k++) {
      const weight = weights[(keys[k] as number) % PLACES] as number;
      if (left + weight * weight >= room) break;
      left += weight * weight;
    }
    leftOut[index] = Math.sqrt(left);
    for (; k < keys.length; k++) {
      const place = (keys[k] as number) % PLACES;
      const id = terms[place] as number;
      const weight = weights[place] as number;
      const list = postings[id];
      if (list) {
        list.docs.push(index);
        list.weights.push(weight);
      } else postings[id] = { docs: [index], weights: [weight] };
    }
  });
  return { postings, leftOut };
}

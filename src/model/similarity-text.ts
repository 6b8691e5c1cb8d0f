/**
 * The words and title trigrams similarity compares: pure text functions, shared with the
 * site's search index, which must cut words exactly as similarity does.
 */

const STOP_WORDS = new Set(
  'a an and are as at be by for from has have how i if in into is it its of on or our so that the their this to we what when which who why will with would you your problem proposal evidence'.split(
    ' ',
  ),
);

export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  // Decomposing accents (é -> e) matters only beyond ASCII, and costs on every text.
  // eslint-disable-next-line no-control-regex
  const plain = /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFKD');
  // The runs of a-z and 0-9, walked by hand: a regular expression's match array, then a
  // filtered and a mapped copy, were most of the cost of indexing 10,000 ideas.
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= plain.length; i++) {
    const code = i < plain.length ? plain.charCodeAt(i) : 0;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start > 1) {
        const word = plain.slice(start, i);
        if (!STOP_WORDS.has(word)) words.push(stem(word));
      }
      start = -1;
    }
  }
  return words;
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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimilarityIndex, tokenize, type Document } from '../src/model/similarity.js';

// A small vocabulary, so that words are shared, some by nearly every document (the words
// the exact sweep leaves out of its postings), and near-copies of a few documents, so that
// pairs above the bar exist at all.
const WORDS =
  'ship order deliver night morning customer sale app track desk team pain evening fast late box'.split(
    ' ',
  );

const words = (min: number, max: number) =>
  fc
    .array(fc.constantFrom(...WORDS, 'x1', 'x2', 'y9', 'the', 'of'), {
      minLength: min,
      maxLength: max,
    })
    .map((w) => w.join(' '));

const corpus = fc
  .record({
    originals: fc.array(fc.record({ title: words(0, 6), body: words(0, 30) }), {
      minLength: 1,
      maxLength: 40,
    }),
    // Near-copies: an original with words added, to title or body.
    copies: fc.array(fc.record({ of: fc.nat(), title: words(0, 2), body: words(0, 6) }), {
      maxLength: 15,
    }),
  })
  .map(({ originals, copies }) => {
    const docs: Document[] = originals.map((doc, i) => ({ id: `d${i}`, ...doc }));
    copies.forEach((copy, i) => {
      const source = originals[copy.of % originals.length] ?? { title: '', body: '' };
      docs.push({
        id: `c${i}`,
        title: `${source.title} ${copy.title}`,
        body: `${copy.body} ${source.body}`,
      });
    });
    return docs;
  });

/** What a comparison of every pair reports, in the order of the documents. */
function bruteForce(index: SimilarityIndex, docs: readonly Document[], threshold: number) {
  const pairs: { a: string; b: string; score: number }[] = [];
  for (let i = 0; i < docs.length; i++)
    for (let j = i + 1; j < docs.length; j++) {
      const score = index.scoreAt(i, j);
      if (score >= threshold) pairs.push({ a: docs[i]?.id ?? '', b: docs[j]?.id ?? '', score });
    }
  return pairs;
}

describe('similar pairs', () => {
  it('returns exactly what a pair-by-pair comparison returns, wherever the cosine has a floor', () => {
    let found = 0;
    fc.assert(
      fc.property(corpus, fc.constantFrom(0.31, 0.5, 0.6, 0.75, 0.9), (docs, threshold) => {
        const index = new SimilarityIndex(docs);
        const expected = bruteForce(index, docs, threshold);
        found += expected.length;
        expect(index.similarPairs(threshold)).toEqual(expected);
      }),
      { numRuns: 150, seed: 11 },
    );
    // The corpus makes pairs above the bar: the comparison above is not of two empty lists.
    expect(found).toBeGreaterThan(100);
  });

  it('scores a pair the same whichever of the two is asked first', () => {
    fc.assert(
      fc.property(corpus, (docs) => {
        const index = new SimilarityIndex(docs);
        if (docs.length < 2) return;
        expect(index.scoreAt(0, docs.length - 1)).toBe(index.scoreAt(docs.length - 1, 0));
      }),
      { numRuns: 50, seed: 12 },
    );
  });
});

describe('similar to one document', () => {
  // The candidates similarTo scores, spelt out: the documents sharing a word that at most
  // max(5, 2 %) of the documents hold; each scored as a comparison of the pair scores it.
  function reference(index: SimilarityIndex, docs: readonly Document[], i: number) {
    const wordsOf = docs.map((doc) => new Set([...tokenize(doc.title), ...tokenize(doc.body)]));
    const held = new Map<string, number>();
    for (const words of wordsOf)
      for (const word of words) held.set(word, (held.get(word) ?? 0) + 1);
    const rare = (word: string) => (held.get(word) ?? 0) <= Math.max(5, docs.length * 0.02);
    const mine = [...(wordsOf[i] ?? [])].filter(rare);
    return docs
      .flatMap((doc, j) =>
        doc.id !== docs[i]?.id && mine.some((word) => wordsOf[j]?.has(word))
          ? [{ id: doc.id, score: index.scoreAt(i, j) }]
          : [],
      )
      .filter((match) => match.score >= 0.25)
      .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1))
      .slice(0, 5);
  }

  it('returns what scoring each document that shares a rare word with it returns', () => {
    let found = 0;
    fc.assert(
      fc.property(corpus, fc.nat(), (docs, at) => {
        const index = new SimilarityIndex(docs);
        const i = at % docs.length;
        const doc = docs[i] as Document;
        const expected = reference(index, docs, i);
        found += expected.length;
        expect(index.similarTo(doc, { limit: 5 })).toEqual(expected);
      }),
      { numRuns: 200, seed: 14 },
    );
    expect(found).toBeGreaterThan(50);
  });
});

describe('tokenize', () => {
  // The definition the hand-written scanner must keep: runs of a-z and 0-9 after lowercasing
  // (and decomposing accents), two characters or more, stop words out, then stemmed.
  const reference = (text: string) => {
    const lower = text.toLowerCase();
    const plain = [...lower].every((c) => c.charCodeAt(0) < 128) ? lower : lower.normalize('NFKD');
    return (plain.match(/[a-z0-9]+/g) ?? []).filter(
      (w) => w.length > 1 && !/^(the|and|of|problem)$/.test(w),
    );
  };

  it('cuts text into the same words as the regular expression it replaces', () => {
    const text = fc.string({
      unit: fc.constantFrom(
        'a',
        'Z',
        'é',
        'İ',
        'ß',
        '9',
        ' ',
        '-',
        '\n',
        'the',
        'and',
        'Problem',
        'ﬁ',
        '\u0301',
        'shipping',
      ),
      maxLength: 40,
    });
    fc.assert(
      fc.property(text, (t) => {
        // Stemming is applied to both through one word list: compare the unstemmed cut.
        const words = reference(t);
        expect(tokenize(t)).toEqual(tokenize(words.join(' ')));
        expect(tokenize(t).length).toBe(words.length);
      }),
      { numRuns: 400, seed: 13 },
    );
  });
});

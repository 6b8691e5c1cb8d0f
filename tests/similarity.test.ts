import { describe, expect, it } from 'vitest';
import { SimilarityIndex, tokenize } from '../src/model/similarity.js';

const docs = [
  {
    id: 'ship01',
    title: 'Offer overnight shipping for orders before 6 pm',
    body: 'Customers keep asking sales for next-morning delivery and we lose deals when we say no.',
  },
  {
    id: 'next02',
    title: 'Next-day delivery for orders placed before the evening',
    body: 'Guarantee next-day delivery for orders placed before the evening cut-off.',
  },
  {
    id: 'app003',
    title: 'Mobile app for order tracking',
    body: 'A small mobile app for order tracking and reordering.',
  },
  {
    id: 'desk04',
    title: 'Standing desks for the support team',
    body: 'Back pain after long shifts on the phone.',
  },
];

describe('similar ideas', () => {
  it('finds the ideas a new one repeats, best first, and leaves unrelated ones out', () => {
    const index = new SimilarityIndex(docs);
    const matches = index.similarTo({
      id: '',
      title: 'Next-day shipping for small orders',
      body: 'Small business customers want orders the next morning. Offer next-day shipping on orders under 2 kg.',
    });
    expect(matches.map((m) => m.id)).toEqual(['ship01', 'next02']);
    expect(matches[0]?.score).toBeGreaterThan(matches[1]?.score ?? 1);
  });

  it('pairs near-identical ideas once, and no others', () => {
    const index = new SimilarityIndex([
      ...docs,
      {
        id: 'ship05',
        title: 'Offer overnight shipping for orders before 6pm',
        body: 'Customers keep asking sales for next-morning delivery; we lose deals.',
      },
    ]);
    const pairs = index.similarPairs(0.75);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([['ship01', 'ship05']]);
  });

  it('tokenizes accents, plurals and stop words the same way for every text', () => {
    expect(tokenize('Cafés and the Customers shipping')).toEqual(['cafe', 'customer', 'shipp']);
  });
});

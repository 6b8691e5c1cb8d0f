import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { acceptFields } from '../src/schema/accept.js';
import { recordSchemas } from '../src/schema/records.js';
import type { RecordKind } from '../src/model/types.js';

/**
 * Whatever the plain checks accept, zod accepts with the same value, key order included; what
 * zod rejects, they never accept. (They may decline a valid record: zod then reads it.)
 */
function agrees(kind: RecordKind, data: Record<string, unknown>): boolean {
  const accepted = acceptFields(kind, data);
  const reference = recordSchemas[kind].safeParse(data);
  if (accepted === undefined) return false;
  expect(reference.success, JSON.stringify(data)).toBe(true);
  expect(JSON.stringify(accepted), JSON.stringify(data)).toBe(JSON.stringify(reference.data));
  expect(isDeepStrictEqual(accepted, reference.data), JSON.stringify(data)).toBe(true);
  return true;
}

const text = fc.constantFrom(
  'abc',
  'i00001',
  '7kq3xj',
  'ab',
  'a'.repeat(16),
  'a'.repeat(17),
  'Abc',
  'bob',
  'user.name',
  'a_b-c',
  '-bob',
  '',
  ' ',
  ' x ',
  'x'.repeat(41),
  'x'.repeat(81),
  'Same  Day ',
  'CAFÉ',
  'tab\tx',
  'line\nbreak',
  'bidi\u202ex',
  'zero\u200bx',
  '2026-11-22',
  '2026-02-30',
  '2024-02-29',
  '2023-02-29',
  '2026-13-01',
  '2026-1-1',
  '26-01-01',
  'idea',
  'theme',
  'other',
  't'.repeat(200),
  ` ${'t'.repeat(200)} `,
  't'.repeat(201),
  's'.repeat(300),
  's'.repeat(301),
);
const number = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 2, 0.5, 1.5, 1e3, 2 ** 53, 2 ** 53 - 1, NaN, Infinity, -Infinity),
  fc.double(),
  fc.integer(),
);
const scalar = fc.oneof(text, number, fc.constantFrom(null, true, false));
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(
      fc.constantFrom('reach', 'impact', 'confidence', 'effort', 'ease', 'value', 'job_size', 'zz'),
      scalar,
      { maxKeys: 4 },
    ),
  },
);

/** Records built from valid parts with some fields swapped for anything, in any key order. */
function records(kind: RecordKind, valid: Record<string, fc.Arbitrary<unknown>>) {
  const keys = Object.keys(valid);
  const field = (key: string) =>
    fc.oneof({ weight: 6, arbitrary: valid[key] ?? value }, { weight: 1, arbitrary: value });
  return fc
    .tuple(
      fc.shuffledSubarray(keys, { minLength: Math.max(0, keys.length - 3) }),
      fc.tuple(...keys.map(field)),
      fc.dictionary(fc.constantFrom('zz', 'Title', 'status'), scalar, { maxKeys: 1 }),
    )
    .map(([chosen, values, extra]) => {
      const data: Record<string, unknown> = { ...extra };
      for (const key of chosen) data[key] = values[keys.indexOf(key)];
      return { kind, data };
    });
}

const handle = fc.constantFrom('bob', 'alice', 'user11', 'a.b_c-d');
const date = fc.constantFrom('2026-11-22', '2024-02-29', '2025-01-31');
const list = (item: fc.Arbitrary<unknown>) => fc.oneof(fc.array(item, { maxLength: 3 }), item);

const VOTES = records('vote', {
  idea: fc.constantFrom('i00001', '7kq3xj'),
  voter: handle,
  points: fc.constantFrom(1, 2, -1, 0),
  date,
  customers: list(fc.constantFrom('acme', 'Globex Corp')),
  recorded_by: handle,
});
const IDEAS = records('idea', {
  id: fc.constantFrom('i00001', 'abc'),
  title: fc.constantFrom('Offer overnight shipping', '  padded  ', '0 discount'),
  authors: list(handle),
  team: handle,
  created: date,
  tags: list(fc.constantFrom('logistics', 'Same  Day ', 'ops')),
  kind: fc.constantFrom('idea', 'theme'),
  parent: fc.constantFrom('abc', 'i00002'),
  campaign: handle,
  estimates: fc.dictionary(
    fc.constantFrom('reach', 'impact', 'confidence', 'effort', 'ease', 'job_size', 'zz'),
    fc.constantFrom(0, 1, 0.8, 4000),
    { maxKeys: 5 },
  ),
  source: fc.constantFrom('github:acme/shop#123'),
});

describe('plain checks accept only what zod accepts, with the value zod gives', () => {
  for (const [kind, arbitrary] of [
    ['vote', VOTES],
    ['idea', IDEAS],
  ] as const) {
    it(`for ${kind}s, valid and not`, () => {
      let accepted = 0;
      let declined = 0;
      fc.assert(
        fc.property(arbitrary, ({ data }) => {
          if (agrees(kind, data)) accepted++;
          else declined++;
        }),
        { numRuns: 3000 },
      );
      // Both sides must be met, or the comparison proves nothing about one of them.
      expect(accepted).toBeGreaterThan(150);
      expect(declined).toBeGreaterThan(300);
    });
  }

  it('leaves decisions to zod', () => {
    const decision = { idea: 'abc', status: 'accepted', date: '2026-01-01', reviewers: ['c'] };
    expect(acceptFields('decision', decision)).toBeUndefined();
    expect(recordSchemas.decision.safeParse(decision).success).toBe(true);
  });
});

/**
 * Attacks on the front-matter fast path (parse/fast-yaml.ts): inputs where it could give
 * something else than js-yaml's safe loader. js-yaml reads a key as a scalar and stores it as
 * `String(key)`, so `Null:` is the key "null" and `True:` the key "true".
 */
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../src/parse/front-matter.js';

const both = (yaml: string) => {
  const text = `---\n${yaml}\n---\nbody\n`;
  return { fast: parseFrontMatter(text), reference: parseFrontMatter(text, { fastPath: false }) };
};

describe('keys YAML reads as null or a boolean', () => {
  // Found by this attack: the fast path kept "Null" and "TRUE" as written, so the unknown-field
  // warning named another key, and `null:` beside `Null:` passed where js-yaml refuses a duplicate.
  it.each(['Null: x', 'NULL: x', 'True: x', 'TRUE: x', 'False: x', 'estimates:\n  True: 1'])(
    '%j gives the key js-yaml gives',
    (yaml) => {
      const { fast, reference } = both(yaml);
      expect(fast.data).toEqual(reference.data);
      expect(JSON.stringify(fast.data)).toBe(JSON.stringify(reference.data));
    },
  );

  it('"null" beside "Null" is one key written twice', () => {
    const { fast, reference } = both('null: 1\nNull: 2');
    expect(reference.problems.map((p) => p.rule)).toEqual(['front-matter/duplicate-key']);
    expect(fast.problems).toEqual(reference.problems);
    expect(fast.data).toBeUndefined();
  });
});

describe('values the fast path must read as js-yaml does (checked sound)', () => {
  it.each([
    'a: 1e3',
    'a: 0x10',
    'a: .inf',
    'a: ~',
    'a: -0',
    'a: -0.0',
    'a: 1_000',
    'a: 2026-02-30',
    'a: [2026-01-01, 2026-02-30]',
    'a: 1000-01-01',
    'a: 12e3x',
    'a: 1E3',
    'a: 07',
    'a: 1.',
    'a: [null, ~, True]',
    "a: ['']",
    'a: 9007199254740993',
    'a: 123456789012345.123456789012345',
    'a:\n  b: 1\n  b: 2',
    'a: b\n  c',
  ])('%j', (yaml) => {
    const { fast, reference } = both(yaml);
    const show = (value: unknown) =>
      JSON.stringify(value, (_k, v: unknown) => (Object.is(v, -0) ? '-0' : v));
    expect(show(fast.data)).toBe(show(reference.data));
    expect(fast.problems).toEqual(reference.problems);
  });
});

describe('a long digit-led line', () => {
  // Found by this attack: the digit-led text pattern (`[…]* […]*`, the space in both classes)
  // backtracked quadratically: a 32 KB line took 4.6 s, a 1 MiB record file hours. This test
  // has no clock in it: before the fix it ran past the test timeout, now it takes milliseconds.
  it.each([
    ['a block value', `title: 1${' x'.repeat(300_000)}"`],
    ['a flow list item', `tags: [1${' x'.repeat(300_000)}"]`],
  ])('in %s is read, as js-yaml reads it', (_where, yaml) => {
    const { fast, reference } = both(yaml);
    expect(fast.problems).toEqual(reference.problems);
    expect(fast.data).toEqual(reference.data);
  });
});

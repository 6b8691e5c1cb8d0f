import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter, type FrontMatter } from '../src/parse/front-matter.js';
import { parseSimpleYaml } from '../src/parse/fast-yaml.js';

/** The fast path and js-yaml must agree on everything: data (types, key order, -0), problems, lines. */
function agree(text: string): { fast: boolean } {
  const withFast = parseFrontMatter(text);
  const reference = parseFrontMatter(text, { fastPath: false });
  const same =
    isDeepStrictEqual(withFast, reference) &&
    JSON.stringify(withFast) === JSON.stringify(reference);
  if (!same)
    expect(describeResult(withFast), JSON.stringify(text)).toEqual(describeResult(reference));
  return { fast: withFast.yaml !== '' && parseSimpleYaml(withFast.yaml) !== undefined };
}

function describeResult(fm: FrontMatter): unknown {
  const types = JSON.stringify(fm.data, (_key, value: unknown) =>
    Object.is(value, -0) ? '-0 (negative zero)' : value,
  );
  return { ...fm, types };
}

// Keys and values that reach every corner the fast path must either get right or decline.
const KEYS = [
  'id',
  'title',
  'authors',
  'tags',
  'created',
  'date',
  'points',
  'estimates',
  'reach',
  'idea',
  'a',
  'A_b',
  'x-y',
  '_',
  'true',
  'null',
  // js-yaml stores these as "true", "null" and "false" (tests/attack-fast-path.test.ts).
  'True',
  'NULL',
  'False',
  'on',
  'yes',
  'y',
  'n',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '"quoted"',
  "'single'",
  'a b',
  '1',
  '1e3',
  '-',
  '?',
  '<<',
  'k:',
  'key ',
  '&a',
  '*a',
  '!!str',
  'é',
  'a'.repeat(70),
];
const ATOMS = [
  'plain',
  'two words',
  'with, comma',
  'Offer overnight shipping',
  "it's",
  'a - b',
  'a -b',
  'a @b',
  'a !b',
  'a &b',
  'a *b',
  'a ?b',
  'a %b',
  'a=b',
  'a/b.c',
  'a (b)',
  'end.',
  'x...',
  'null',
  'Null',
  'NULL',
  'nULL',
  '~',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'False',
  'FALSE',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Yes',
  'NO',
  '',
  '0',
  '-0',
  '+0',
  '1',
  '-1',
  '+1',
  '12',
  '010',
  '0o10',
  '0x10',
  '0b11',
  '1_000',
  '1e3',
  '1E3',
  '.5',
  '-.5',
  '0.5',
  '-0.0',
  '0.0',
  '1.',
  '1.5e3',
  '123456789012345',
  '1234567890123456789',
  '0x1f',
  '0o7',
  '0b1',
  '1e3',
  '12e3',
  '7kq3xj',
  '7KQ',
  '1_0a',
  '1-a',
  '1.a',
  '.inf',
  '-.inf',
  '.nan',
  '.NaN',
  '1:20',
  '190:20:30',
  '3 days',
  '0.8',
  '2026-11-22',
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2024-02-29',
  '2023-02-29',
  '0099-01-01',
  '0999-12-31',
  '1000-01-01',
  '9999-12-31',
  '2026-1-5',
  '2026-11-22T10:00:00Z',
  '2026-11-22 10:00:00',
  '2026-11-22 10',
  '1 2',
  '1.5 x',
  '0x1 a',
  '1 #x',
  '1 -',
  '1 [a]',
  '2026-11-22t10:00:00.5+01:00',
  '20261122',
  "'quoted'",
  "'with: colon'",
  "'it''s'",
  "''",
  '"double"',
  '"with # hash"',
  '"esc\\n"',
  '"tab\\t"',
  '""',
  '"a \'b\'"',
  '\'a "b"\'',
  '"unterminated',
  "'unterminated",
  'a: b',
  'a:b',
  'a #comment',
  'a#b',
  '#c',
  '&anchor x',
  '*alias',
  '!!str 1',
  '!!int "3"',
  '!tag x',
  '|',
  '>',
  '|-',
  '- a',
  '-',
  '--',
  '? x',
  '@x',
  '`x',
  '%x',
  '{a: 1}',
  '{}',
  '[]',
  '[a]',
  '[a, b]',
  '[ a , b ]',
  '[a,b]',
  '[a,]',
  '[,a]',
  '[a,,b]',
  "['a, b']",
  '[a, [b]]',
  '[1, 2.5, true, null, 2026-01-01]',
  '[a b, c]',
  '[a: b]',
  '[&x a, *x]',
  '[a] b',
  '[a]]',
  '[',
  ']',
  'a]',
  'trailing  ',
  'tab\there',
  'caf\u00e9',
  'nbsp\u00a0x',
  'bidi\u202ex',
  'zero\u200bwidth',
  'ctl\u0007x',
  'del\u007fx',
  '\ufeffbom',
];

/** What records hold, so that many documents are wholly simple and take the fast path. */
const SIMPLE = [
  '0 discount scanner',
  '12 of 13',
  '2026-01-01 x',
  '1 ',
  '7kq3xj',
  '1e3x',
  '12e',
  '9E9',
  '1a',
  'plain',
  'two words',
  'x',
  'user1',
  '1',
  '-2',
  '0.8',
  '2026-11-22',
  '[a, b]',
  '[]',
];

const key = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('id', 'title', 'tags', 'date', 'points', 'idea') },
  { weight: 1, arbitrary: fc.constantFrom(...KEYS) },
);
const atom = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...SIMPLE) },
  { weight: 4, arbitrary: fc.constantFrom(...ATOMS) },
  // Random text from YAML's punctuation, so unlisted corners are met too.
  { weight: 1, arbitrary: fc.stringMatching(/^[\w :\-[\]{},&*!|>'"#%@`?.~\\]{0,12}$/) },
);
const indent = fc.constantFrom('', ' ', '  ', '   ', '    ', '\t');
const gap = fc.constantFrom('', ' ', '  ', '\t');

const line = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(key, gap, atom).map(([k, g, v]) => `${k}:${g === '' ? ' ' : g}${v}`),
  },
  { weight: 1, arbitrary: fc.tuple(key, atom).map(([k, v]) => `${k}:${v}`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(key, indent, fc.array(fc.tuple(key, atom), { minLength: 0, maxLength: 4 }))
      .map(([k, pad, pairs]) =>
        [`${k}:`, ...pairs.map(([nk, v]) => `${pad}${nk}: ${v}`)].join('\n'),
      ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(key, indent, fc.array(atom, { minLength: 0, maxLength: 4 }))
      .map(([k, pad, items]) => [`${k}:`, ...items.map((v) => `${pad}- ${v}`)].join('\n')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', '# comment', '  # indented', '...', '- a', '? k'),
  },
  { weight: 1, arbitrary: fc.tuple(indent, key, atom).map(([pad, k, v]) => `${pad}${k}: ${v}`) },
);

const document = fc
  .tuple(
    fc.array(line, { minLength: 0, maxLength: 6 }),
    fc.constantFrom('', '\ufeff'),
    fc.boolean(),
    fc.constantFrom('', 'Body text.\n', '## Problem\nx\n'),
  )
  .map(([lines, bom, crlf, body]) => {
    const text = `${bom}---\n${lines.join('\n')}\n---\n${body}`;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/** Records as `ideas new`, `ideas vote`, `ideas review` and the benchmark write them. */
const RECORDS = [
  '---\nid: 7kq3xj\ntitle: Offer overnight shipping\nauthors: [alice]\nteam: sales\ncreated: 2026-11-22\ntags: [logistics, customers]\nkind: idea\nparent: 3m9p2a\ncampaign: faster-delivery\nestimates:\n  reach: 4000\n  impact: 2\n  confidence: 0.8\n  effort: 3\n---\n## Problem\nCustomers keep asking.\n',
  '---\nidea: 7kq3xj\nvoter: bob\npoints: 1\ndate: 2026-11-23\n---\nThree of my accounts asked for this last week.\n',
  '---\nidea: 7kq3xj\nstatus: accepted\ndate: 2026-12-01\nreviewers: [carol]\nduplicate_of: ~\nscores:\n  impact: 4\n---\nRationale.\n',
  '---\nidea: i00001\nvoter: user11\npoints: -1\ndate: 2026-02-30\ncustomers:\n  - acme\n  - globex\n---\n',
  '---\nid: i00002\ntitle: "Colons: allowed when quoted"\nauthors:\n- alice\n- bob\ncreated: 2026-01-05\ntags: []\nestimates:\n  reach: 10\n---\n',
];

describe('the front-matter fast path gives exactly what js-yaml gives', () => {
  it('on the records the tools write, and takes the fast path for each', () => {
    for (const record of RECORDS) expect(agree(record)).toEqual({ fast: true });
    // A URL holds ": "-less colons, which the fast path leaves to js-yaml.
    expect(agree(`${RECORDS[2]}`.replace('[carol]', '[carol]\nsource: https://x.test/1'))).toEqual({
      fast: false,
    });
  });

  it('on generated and adversarial front matter (quotes, colons, #, anchors, dates, numbers, tabs, BOM)', () => {
    let fast = 0;
    let slow = 0;
    fc.assert(
      fc.property(document, (text) => {
        if (agree(text).fast) fast++;
        else slow++;
      }),
      { numRuns: 3000 },
    );
    // Both paths must be exercised, or the comparison proves nothing about one of them.
    expect(fast).toBeGreaterThan(150);
    expect(slow).toBeGreaterThan(300);
  });

  it('on front matter built only from values the fast path accepts', () => {
    const simpleAtom = fc.constantFrom(
      'plain',
      'two words',
      'a, b',
      "it's",
      'x',
      '0',
      '-3',
      '42',
      '0.25',
      '-0.0',
      '2026-11-22',
      '2026-02-30',
      '1000-13-40',
      "'q: x'",
      '"d: y"',
      'null',
      '~',
      'True',
      'FALSE',
      '[a, b c]',
      '[]',
      '[1, 2026-01-01, ~]',
      '0 a b',
      '[3 x, 4 y]',
    );
    const simpleKey = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
    const records = fc
      .uniqueArray(fc.tuple(simpleKey, simpleAtom), {
        minLength: 1,
        maxLength: 10,
        selector: ([k]) => k,
      })
      .map((pairs) => `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`);
    fc.assert(
      fc.property(records, (text) => {
        expect(agree(text)).toEqual({ fast: true });
      }),
      { numRuns: 500 },
    );
  });

  it('declines what is too big to be sure of the YAML node limit', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `k${i}: v`).join('\n');
    expect(parseSimpleYaml(many)).toBeUndefined();
    expect(parseFrontMatter(`---\n${many}\n---\n`).problems.map((p) => p.rule)).toEqual([
      'front-matter/too-large',
    ]);
    const list = `tags: [${Array.from({ length: 600 }, () => 'a').join(', ')}]`;
    expect(parseSimpleYaml(list)).toBeUndefined();
  });
});

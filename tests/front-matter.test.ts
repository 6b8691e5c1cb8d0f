import { describe, expect, it } from 'vitest';
import { locateField, parseFrontMatter } from '../src/parse/front-matter.js';

const IDEA = [
  '---',
  'id: abc123',
  'title: Offer overnight shipping',
  'created: 2026-11-22',
  'estimates:',
  '  reach: 4000',
  '  impact: 2',
  '---',
  '## Problem',
  'Customers ask for next-morning delivery.',
  '',
].join('\n');

function rules(text: string): string[] {
  return parseFrontMatter(text).problems.map((p) => p.rule);
}

/** A YAML "billion laughs": each level repeats the one before nine times. */
function aliasBomb(levels: number): string {
  const lines = ['---', 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= levels; i++) {
    lines.push(`l${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(', ')}]`);
  }
  lines.push('---', '');
  return lines.join('\n');
}

describe('parseFrontMatter: layout', () => {
  it('reads the fields, the body and the line the body starts on', () => {
    const fm = parseFrontMatter(IDEA);
    expect(fm.problems).toEqual([]);
    expect(fm.data).toEqual({
      id: 'abc123',
      title: 'Offer overnight shipping',
      created: '2026-11-22',
      estimates: { reach: 4000, impact: 2 },
    });
    expect(fm.yamlLine).toBe(2);
    // Line 9 of the file is "## Problem".
    expect(fm.bodyLine).toBe(9);
    expect(fm.body.split('\n')[0]).toBe('## Problem');
  });

  it('gives the same data and lines for CRLF, BOM and both', () => {
    const plain = parseFrontMatter(IDEA);
    for (const variant of [
      IDEA.replace(/\n/g, '\r\n'),
      `\ufeff${IDEA}`,
      `\ufeff${IDEA.replace(/\n/g, '\r\n')}`,
    ]) {
      const fm = parseFrontMatter(variant);
      expect(fm.problems).toEqual([]);
      expect(fm.data).toEqual(plain.data);
      expect(fm.yamlLine).toBe(plain.yamlLine);
      expect(fm.bodyLine).toBe(plain.bodyLine);
      expect(fm.body).toBe(plain.body);
      expect(locateField(fm, ['estimates', 'impact'])).toEqual({ line: 7, column: 3 });
    }
  });

  it('reports errors on the same file line with CRLF and a BOM', () => {
    const broken = '---\nid: abc123\n  title: indented too far\n---\n';
    const expected = parseFrontMatter(broken).problems;
    expect(expected).toMatchObject([{ rule: 'front-matter/yaml', line: 3 }]);
    expect(parseFrontMatter(`\ufeff${broken.replace(/\n/g, '\r\n')}`).problems).toEqual(expected);
  });

  it('starts the body on the line after the closing fence, even with empty front matter', () => {
    expect(parseFrontMatter('---\n---\nbody').bodyLine).toBe(3);
    expect(parseFrontMatter('---\nid: abc\n---\nbody').bodyLine).toBe(4);
    expect(parseFrontMatter('---\nid: abc\n---').body).toBe('');
  });

  it('accepts "---yaml" and a closing fence with trailing blanks', () => {
    expect(parseFrontMatter('---yaml\nid: abc\n---\n').data).toEqual({ id: 'abc' });
    expect(parseFrontMatter('---\nid: abc\n---  \n').data).toEqual({ id: 'abc' });
  });
});

describe('parseFrontMatter: YAML errors', () => {
  it('points at the file line and column, offset by the opening fence', () => {
    const fm = parseFrontMatter('---\nid: abc\ntitle: x\n  bad: indent\n---\n');
    expect(fm.data).toBeUndefined();
    expect(fm.problems).toEqual([
      expect.objectContaining({ rule: 'front-matter/yaml', line: 4, column: 6 }),
    ]);
    expect(fm.problems[0]?.message).toMatch(/not valid YAML \(bad indentation/);
  });

  it('places an error on the first YAML line at line 2', () => {
    expect(parseFrontMatter('---\n: no key\n---\n').problems).toEqual([
      expect.objectContaining({ rule: 'front-matter/yaml', line: 2, column: 1 }),
    ]);
  });

  it('reports a duplicate key on the second occurrence', () => {
    const fm = parseFrontMatter('---\nid: abc\ntitle: one\nid: def\n---\n');
    expect(fm.problems).toEqual([
      expect.objectContaining({ rule: 'front-matter/duplicate-key', line: 4, column: 1 }),
    ]);
  });

  it('refuses a stray "---" line instead of silently dropping the fields after it', () => {
    // gray-matter alone would end the block at "----" and lose "title".
    const fm = parseFrontMatter('---\nid: abc\n----\ntitle: lost\n---\n');
    expect(fm.data).toBeUndefined();
    expect(fm.problems).toEqual([
      expect.objectContaining({ rule: 'front-matter/yaml', line: 3, column: 1 }),
    ]);
  });

  it('reports unknown tags such as !!js/function as YAML errors, never running them', () => {
    const fm = parseFrontMatter('---\nx: !!js/function "function () { return 1 }"\n---\n');
    expect(fm.problems).toEqual([expect.objectContaining({ rule: 'front-matter/yaml', line: 2 })]);
    expect(fm.problems[0]?.message).toContain('unknown tag');
  });

  it('survives nesting deep enough to overflow the parser', () => {
    const fm = parseFrontMatter(`---\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n`);
    expect(fm.data).toBeUndefined();
    expect(fm.problems.map((p) => p.rule)).toEqual(['front-matter/too-large']);
    expect(fm.problems[0]?.message).toContain('nests too deep');
  });
});

describe('parseFrontMatter: engines', () => {
  it.each(['js', 'javascript', 'coffee', 'coffeescript', 'json', 'toml', 'JS', 'cson'])(
    'refuses ---%s front matter on line 1',
    (language) => {
      const fm = parseFrontMatter(`---${language}\n{ id: "abc" }\n---\nbody\n`);
      expect(fm.data).toBeUndefined();
      expect(fm.problems).toEqual([
        expect.objectContaining({ rule: 'front-matter/engine', line: 1, column: 4 }),
      ]);
      expect(fm.problems[0]?.message).toContain('only YAML is read');
    },
  );

  it('refuses "--- js" with a space too', () => {
    expect(rules('--- js\nglobalThis.x = 1\n---\n')).toEqual(['front-matter/engine']);
  });
});

describe('parseFrontMatter: values', () => {
  it('normalises YAML dates to YYYY-MM-DD strings', () => {
    const fm = parseFrontMatter('---\ncreated: 2026-11-22\nlist: [2026-01-02]\n---\n');
    expect(fm.data).toEqual({ created: '2026-11-22', list: ['2026-01-02'] });
  });

  it('keeps an impossible date as written, so the schema can reject it', () => {
    // js-yaml alone rolls 2026-02-30 over to 2026-03-02 and 2026-13-01 into 2027.
    const fm = parseFrontMatter(
      '---\na: 2026-02-30\nb: &d 2026-13-01 # comment\nc: *d\nd: [2026-04-31]\ne: !!timestamp 2026-06-31   # c\n---\n',
    );
    expect(fm.data).toEqual({
      a: '2026-02-30',
      b: '2026-13-01',
      c: '2026-13-01',
      d: ['2026-04-31'],
      e: '2026-06-31',
    });
  });

  it('keeps a full timestamp as an ISO string', () => {
    expect(parseFrontMatter('---\nat: 2026-11-22T10:00:00Z\n---\n').data).toEqual({
      at: '2026-11-22T10:00:00.000Z',
    });
  });

  it('keeps __proto__ and constructor as plain data, never touching Object.prototype', () => {
    const fm = parseFrontMatter(
      '---\n__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\nnested:\n  __proto__: {polluted: true}\n---\n',
    );
    expect(fm.problems).toEqual([]);
    const data = fm.data as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor', 'nested']);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toEqual({ polluted: true });
    const nested = data.nested as object;
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
    expect(Object.keys(nested)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns fresh objects on every call (no shared cache)', () => {
    const text = '---\ntags: [a]\n---\n';
    const first = parseFrontMatter(text).data as { tags: string[] };
    first.tags.push('mutated');
    expect(parseFrontMatter(text).data).toEqual({ tags: ['a'] });
  });
});

describe('parseFrontMatter: aliases and size', () => {
  it('reports a billion-laughs alias bomb as front-matter/alias', () => {
    const fm = parseFrontMatter(aliasBomb(9));
    expect(fm.data).toBeUndefined();
    expect(fm.problems).toEqual([
      expect.objectContaining({ rule: 'front-matter/alias', line: 2, column: 1 }),
    ]);
  });

  it('reports a deeper bomb (12 levels) the same way', () => {
    expect(rules(aliasBomb(12))).toEqual(['front-matter/alias']);
  });

  it('reports shared structure on the line of the anchor', () => {
    const fm = parseFrontMatter('---\nid: abc\nbase: &b {k: 1}\ncopy: *b\n---\n');
    expect(fm.problems).toEqual([expect.objectContaining({ rule: 'front-matter/alias', line: 3 })]);
  });

  it('allows an alias of a plain scalar: nothing is shared', () => {
    expect(parseFrontMatter('---\na: &x 1\nb: *x\n---\n').data).toEqual({ a: 1, b: 1 });
  });

  it('reports more than 10,000 YAML nodes as front-matter/too-large', () => {
    const items = Array.from({ length: 10_001 }, (_, i) => i).join(', ');
    const fm = parseFrontMatter(`---\nid: abc\nx: [${items}]\n---\n`);
    expect(fm.data).toBeUndefined();
    expect(fm.problems).toEqual([
      expect.objectContaining({ rule: 'front-matter/too-large', line: 2, column: 1 }),
    ]);
  });
});

describe('parseFrontMatter: missing, unclosed, empty, not a mapping', () => {
  it('reports a file without front matter on line 1, keeping the whole text as body', () => {
    const fm = parseFrontMatter('# Just a heading\n');
    expect(fm.problems).toEqual([
      expect.objectContaining({ rule: 'front-matter/missing', line: 1, column: 1 }),
    ]);
    expect(fm.body).toBe('# Just a heading\n');
    expect(rules('')).toEqual(['front-matter/missing']);
    expect(rules('---')).toEqual(['front-matter/missing']);
  });

  it('reports front matter that is never closed', () => {
    expect(parseFrontMatter('---\nid: abc\ntitle: x\n').problems).toEqual([
      expect.objectContaining({ rule: 'front-matter/unclosed', line: 1, column: 1 }),
    ]);
    // "..." ends a YAML document but is not a front-matter fence.
    expect(rules('---\nid: abc\n...\n')).toEqual(['front-matter/unclosed']);
  });

  it.each([
    ['nothing', '---\n---\n'],
    ['blank lines', '---\n\n  \n---\nbody\n'],
    ['only a comment', '---\n# nothing here\n---\n'],
    ['null', '---\n~\n---\n'],
    ['an empty mapping', '---\n{}\n---\n'],
  ])('reports empty front matter (%s) as not-mapping', (_name, text) => {
    const fm = parseFrontMatter(text);
    expect(fm.data).toBeUndefined();
    expect(fm.problems).toEqual([
      expect.objectContaining({ rule: 'front-matter/not-mapping', line: 1 }),
    ]);
  });

  it.each([
    ['a string', '---\njust some words\n---\n'],
    ['a list', '---\n- a\n- b\n---\n'],
    ['a number', '---\n42\n---\n'],
    ['false', '---\nfalse\n---\n'],
    ['a date', '---\n2026-11-22\n---\n'],
  ])('reports front matter that is %s, not a mapping, on line 2', (_name, text) => {
    expect(parseFrontMatter(text).problems).toEqual([
      expect.objectContaining({ rule: 'front-matter/not-mapping', line: 2, column: 1 }),
    ]);
  });
});

describe('locateField', () => {
  const fm = parseFrontMatter(
    [
      '---',
      'id: abc123',
      'other:',
      '  impact: 9',
      'estimates:',
      '  reach: 4000',
      '  "impact": 2',
      'tags:',
      '  - a',
      'title: x',
      '---',
      '',
    ].join('\n'),
  );

  it('finds top-level keys', () => {
    expect(locateField(fm, ['id'])).toEqual({ line: 2, column: 1 });
    expect(locateField(fm, ['title'])).toEqual({ line: 10, column: 1 });
  });

  it('finds a nested key under its own parent, not under an earlier one', () => {
    expect(locateField(fm, ['estimates', 'reach'])).toEqual({ line: 6, column: 3 });
    expect(locateField(fm, ['estimates', 'impact'])).toEqual({ line: 7, column: 3 });
    expect(locateField(fm, ['other', 'impact'])).toEqual({ line: 4, column: 3 });
  });

  it('falls back to the parent key, then to the first YAML line', () => {
    expect(locateField(fm, ['estimates', 'effort'])).toEqual({ line: 5, column: 1 });
    expect(locateField(fm, ['tags', 0])).toEqual({ line: 8, column: 1 });
    expect(locateField(fm, ['missing'])).toEqual({ line: 2, column: 1 });
  });

  it('does not match a key that only starts like the one asked for', () => {
    const text = parseFrontMatter('---\nidea: x\nid: abc\n---\n');
    expect(locateField(text, ['id'])).toEqual({ line: 3, column: 1 });
  });

  it('treats regular-expression characters in keys literally', () => {
    const text = parseFrontMatter('---\na.b: 1\n"a+b": 2\n---\n');
    expect(locateField(text, ['a+b'])).toEqual({ line: 3, column: 1 });
  });
});

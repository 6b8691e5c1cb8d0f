/**
 * Limits: every hostile size grows the work linearly. Each test times the same input at two
 * sizes in CPU time (not wall-clock: the ratio of two measurements on one machine) and asserts
 * the ratio stays near the ratio of the sizes; a quadratic step makes it the square.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/parse/config.js';
import { locateField } from '../../src/parse/front-matter.js';
import { parseSource } from '../../src/parse/records.js';
import { placeFile } from '../../src/model/layout.js';
import { buildRepository } from '../../src/read/build-repository.js';
import { validateRepository } from '../../src/validate/validate.js';
import { builtInTemplate } from '../../src/read/repository.js';

/** CPU microseconds of the cheapest of three runs: the least disturbed by other work. */
function cpuOf(work: () => unknown): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    best = Math.min(best, used.user + used.system);
  }
  return Math.max(best, 1);
}

/**
 * How much more work `size * factor` costs than `size`. Linear work gives about `factor`;
 * quadratic work `factor²`. The bound (twice the factor) leaves room for noise and warm-up.
 */
function growth(make: (size: number) => () => unknown, size: number, factor: number): number {
  make(size)(); // warm the JIT up, so the small size is not charged for it
  const small = cpuOf(make(size));
  const large = cpuOf(make(size * factor));
  return large / small;
}

const FACTOR = 8;

describe('limits: config', () => {
  it('many keys under teams: linear, duplicates still reported', () => {
    const config = (n: number) => {
      let text = 'version: 1\nteams:\n';
      for (let i = 0; i < n; i++) text += `  t${i}: {}\n`;
      return text;
    };
    expect(growth((n) => () => parseConfig(config(n)), 2_000, FACTOR)).toBeLessThan(FACTOR * 2);
    const twice = parseConfig(`${config(3_000)}  t17: {}\n`);
    expect(twice.problems.map((p) => `${p.line} ${p.message}`)).toEqual([
      '3003 "t17" appears twice: keep one',
    ]);
  });

  it('mis-indented lines: linear', () => {
    const config = (n: number) => {
      let text = 'version: 1\nteams:\n';
      for (let i = 0; i < n; i++) text += `${i % 3 === 0 ? '   ' : '  '}t${i}: {}\n`;
      return text;
    };
    expect(growth((n) => () => parseConfig(config(n)), 2_000, FACTOR)).toBeLessThan(FACTOR * 2);
    expect(parseConfig(config(100)).config).toBeUndefined();
  });

  it('thousands of invalid names: each placed, linear', () => {
    const config = (n: number) => {
      let text = 'version: 1\nteams:\n';
      for (let i = 0; i < n; i++) text += `  "bad name ${i}": {}\n`;
      return text;
    };
    expect(growth((n) => () => parseConfig(config(n)), 1_000, FACTOR)).toBeLessThan(FACTOR * 2);
    const result = parseConfig(config(500));
    expect(result.problems).toHaveLength(500);
    expect(result.problems[499]?.line).toBe(502);
  });
});

describe('limits: front matter', () => {
  it('a key of 70,000 characters is an unknown field, not a crash', () => {
    const key = 'k'.repeat(70_000);
    const parsed = parseSource(
      `---\nid: abc\ntitle: T\nauthors: [a]\ncreated: 2026-01-01\n${key}: 1\n---\n`,
      'idea',
    );
    expect(parsed.problems.map((p) => [p.rule, p.line])).toEqual([['field/unknown', 6]]);
  });

  it('a key full of regular-expression syntax is located as written', () => {
    const key = '(a+)+$[';
    expect(locateField({ yaml: `x: 1\n"${key}": 2\n`, yamlLine: 2 }, [key])).toEqual({
      line: 3,
      column: 1,
    });
  });

  it('thousands of unknown keys: linear', () => {
    const text = (n: number) => {
      let yaml = 'id: abc\ntitle: T\nauthors: [a]\ncreated: 2026-01-01\n';
      for (let i = 0; i < n; i++) yaml += `extra${i}: ${i}\n`;
      return `---\n${yaml}---\n`;
    };
    expect(growth((n) => () => parseSource(text(n), 'idea'), 400, FACTOR)).toBeLessThan(FACTOR * 2);
    expect(parseSource(text(1_000), 'idea').problems).toHaveLength(1_000);
  });

  it('a long chain of nested mappings: refused, linear', () => {
    const text = (n: number) => `---\nid: abc\nx: ${'['.repeat(n)}${']'.repeat(n)}\n---\n`;
    expect(growth((n) => () => parseSource(text(n), 'idea'), 500, FACTOR)).toBeLessThan(FACTOR * 2);
    expect(parseSource(text(50_000), 'idea').problems[0]?.rule).toBe('front-matter/too-large');
  });
});

describe('limits: many files', () => {
  it('many votes in one folder: validate is linear', () => {
    const files = (n: number) => {
      const list = [
        {
          path: 'ideas/abc-one.md',
          text: '---\nid: abc\ntitle: One\nauthors: [a]\ncreated: 2026-01-01\n---\n',
        },
      ];
      for (let i = 0; i < n; i++)
        list.push({
          path: `votes/abc/v${i}.md`,
          text: `---\nidea: abc\nvoter: v${i}\ndate: 2026-02-01\n---\n`,
        });
      return list;
    };
    const template = builtInTemplate();
    const config = parseConfig('version: 1\n').config;
    if (!config) throw new Error('the default config must parse');
    const validate = (n: number) => {
      const sources = files(n);
      return () =>
        validateRepository(
          buildRepository(
            { files: sources, problems: [], configText: 'version: 1\n', templateText: template },
            config,
          ),
          { today: '2026-11-24' },
        );
    };
    expect(growth(validate, 500, FACTOR)).toBeLessThan(FACTOR * 2);
    expect(placeFile('votes/abc/v1.md').kind).toBe('vote');
  });
});

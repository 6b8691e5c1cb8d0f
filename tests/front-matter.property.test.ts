import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRepository } from '../src/read/build-repository.js';
import { parseConfig } from '../src/parse/config.js';
import { parseFrontMatter } from '../src/parse/front-matter.js';
import { validateRepository } from '../src/validate/validate.js';
import { IDEA_FIELDS } from './helpers/record-fields.js';

type Flagged = typeof globalThis & { __ideasPwned?: boolean };
const flag = globalThis as Flagged;

/** Text that looks like YAML often enough to reach the parser's corners. */
const yamlish = fc.stringMatching(/^[\w\s:\-[\]{},&*!|>'"#%@`?.~\\]*$/, { maxLength: 200 });

const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  yamlish,
);

function neverThrows(text: string): boolean {
  const fm = parseFrontMatter(text);
  // Either data or at least one problem: a parse never ends with neither.
  return (fm.data !== undefined) !== fm.problems.length > 0;
}

describe('parseFrontMatter never throws', () => {
  it('for arbitrary strings', () => {
    fc.assert(fc.property(anyText, neverThrows), { numRuns: 1000 });
  });

  it('for arbitrary strings behind "---\\n", closed or not', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), fc.string({ maxLength: 50 }), (yaml, closed, body) =>
        neverThrows(`---\n${yaml}${closed ? `\n---\n${body}` : ''}`),
      ),
      { numRuns: 1000 },
    );
  });

  it('for arbitrary strings behind "---js\\n", and always refuses them', () => {
    fc.assert(
      fc.property(anyText, (code) => {
        const fm = parseFrontMatter(`---js\n${code}\n---\n`);
        return fm.data === undefined && fm.problems.some((p) => p.rule === 'front-matter/engine');
      }),
      { numRuns: 500 },
    );
  });

  it('for CRLF and BOM variants of arbitrary YAML', () => {
    fc.assert(
      // A lone CR already is a line break of its own: only LF-only text has a CRLF twin.
      fc.property(
        yamlish.map((text) => text.replace(/\r/g, '')),
        (yaml) => {
          const lf = parseFrontMatter(`---\n${yaml}\n---\n`);
          const crlf = parseFrontMatter(`\ufeff---\r\n${yaml.replace(/\n/g, '\r\n')}\r\n---\r\n`);
          expect(crlf.problems.map((p) => [p.rule, p.line])).toEqual(
            lf.problems.map((p) => [p.rule, p.line]),
          );
          expect(crlf.data).toEqual(lf.data);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** JavaScript whose only effect, if it ever ran, is to set the global flag. */
const payload = fc.constantFrom(
  'globalThis.__ideasPwned = true',
  '(function () { globalThis.__ideasPwned = true; })()',
  '{ id: (globalThis.__ideasPwned = true) }',
  'module.exports = (globalThis.__ideasPwned = true)',
);

const engine = fc.constantFrom(
  'js',
  'javascript',
  'coffee',
  'coffeescript',
  'JS',
  'JavaScript',
  ' js',
  'js ',
);

describe('code-executing front matter is never run', () => {
  it('refuses ---js, ---javascript and ---coffee blocks without running them', () => {
    fc.assert(
      fc.property(engine, payload, fc.string({ maxLength: 40 }), (language, code, body) => {
        const fm = parseFrontMatter(`---${language}\n${code}\n---\n${body}`);
        expect(flag.__ideasPwned).toBeUndefined();
        expect(fm.data).toBeUndefined();
        expect(fm.problems.map((p) => p.rule)).toEqual(['front-matter/engine']);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses !!js/function and other JavaScript tags in YAML without running them', () => {
    const tag = fc.constantFrom(
      '!!js/function',
      '!<tag:yaml.org,2002:js/function>',
      '!!js/regexp',
      '!!js/undefined',
      '!!python/object/apply:os.system',
    );
    const place = fc.constantFrom(
      (value: string) => `id: abc\nrun: ${value}\n`,
      (value: string) => `id: abc\nlist:\n  - ${value}\n`,
      (value: string) => `nested:\n  deeper: {x: ${value}}\n`,
      (value: string) => `? ${value}\n: key\n`,
    );
    fc.assert(
      fc.property(tag, payload, place, (t, code, at) => {
        const source = JSON.stringify(`function () { ${code} }`);
        const fm = parseFrontMatter(`---\n${at(`${t} ${source}`)}---\nbody\n`);
        expect(flag.__ideasPwned).toBeUndefined();
        expect(fm.data).toBeUndefined();
        expect(fm.problems.length).toBeGreaterThan(0);
        expect(fm.problems[0]?.rule).toMatch(/^front-matter\//);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the flag unset after every kind of input above', () => {
    // A last look, in case a payload set it asynchronously after a property finished.
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        expect(flag.__ideasPwned).toBeUndefined();
        resolve();
      }),
    );
  });
});

/** Values of every YAML shape, written as JSON (which YAML reads) so each one round-trips. */
const value = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    'abc123',
    'bob',
    'carol',
    '2026-10-01',
    '2026-02-30',
    'duplicate',
    'theme',
    'sales',
  ),
  fc.integer({ min: -5, max: 20 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom('alice', 'bob', '', 'x y', '__proto__'), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('reach', 'impact', 'confidence', '__proto__', 'x'), fc.integer()),
);

const fields = (keys: string[]) =>
  fc.dictionary(fc.constantFrom(...keys, '__proto__', 'constructor', 'toString'), value, {
    maxKeys: keys.length + 2,
  });

const ideaKeys = [...IDEA_FIELDS];
const voteKeys = ['idea', 'voter', 'points', 'date', 'customers'];
const decisionKeys = ['idea', 'status', 'date', 'reviewers', 'duplicate_of', 'scores'];

function record(data: Record<string, unknown>, body: string): string {
  const yaml = Object.entries(data)
    .map(([key, v]) => `${JSON.stringify(key)}: ${JSON.stringify(v) ?? 'null'}`)
    .join('\n');
  return `---\n${yaml}\n---\n${body}`;
}

describe('validation never throws on arbitrary records', () => {
  it('for ideas, votes and decisions with fields of any shape', () => {
    const { config } = parseConfig(
      'version: 1\nteams: {sales: {}}\npeople: {alice: {}, bob: {}}\nreviewers: [carol]\nvoting: {mode: quadratic, budget: 9, downvotes: true}\ncampaigns: {spring: {question: q, closes: 2026-03-31}}\n',
    );
    if (!config) throw new Error('test config must be valid');
    const template = '## Problem\nWho?\n\n## Proposal\nWhat?\n';
    fc.assert(
      fc.property(
        fc.array(fields(ideaKeys), { maxLength: 4 }),
        fc.array(fields(voteKeys), { maxLength: 4 }),
        fc.array(fields(decisionKeys), { maxLength: 4 }),
        fc.string({ maxLength: 60 }),
        (ideas, votes, decisions, body) => {
          const files = [
            ...ideas.map((d, i) => ({ path: `ideas/i${i}abc-idea.md`, text: record(d, body) })),
            ...votes.map((d, i) => ({ path: `votes/i${i}abc/v${i}.md`, text: record(d, body) })),
            ...decisions.map((d, i) => ({
              path: `decisions/i${i}abc/2026-10-0${i + 1}-reviewing.md`,
              text: record(d, body),
            })),
          ];
          const repo = buildRepository(
            { files, problems: [], configText: undefined, templateText: template },
            config,
          );
          const problems = validateRepository(repo, { today: '2026-11-24' });
          for (const p of problems) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.column).toBeGreaterThanOrEqual(1);
            expect(p.message).not.toBe('');
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../src/parse/front-matter.js';

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
      fc.property(yamlish, (yaml) => {
        const lf = parseFrontMatter(`---\n${yaml}\n---\n`);
        const crlf = parseFrontMatter(`\ufeff---\r\n${yaml.replace(/\n/g, '\r\n')}\r\n---\r\n`);
        expect(crlf.problems.map((p) => [p.rule, p.line])).toEqual(
          lf.problems.map((p) => [p.rule, p.line]),
        );
        expect(crlf.data).toEqual(lf.data);
      }),
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

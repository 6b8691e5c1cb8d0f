/**
 * idea/placeholder-section and idea/missing-section against their definition: a required
 * section is missing when no heading matches it without case, and flagged when its text,
 * compared by normaliseText, is empty or the template's placeholder. The rules skip that
 * comparison when the text's length alone tells; this checks the shortcut never changes a result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/parse/config.js';
import { normaliseText, parseTemplate, splitSections } from '../src/parse/template.js';
import { buildRepository } from '../src/read/build-repository.js';
import { ideaMissingSection } from '../src/validate/rules/idea/missing-section.js';
import { ideaPlaceholderSection } from '../src/validate/rules/idea/placeholder-section.js';

const template = [
  '## Problem',
  'Who has the problem?',
  '',
  '## Proposal',
  '<!-- a comment --> What would you do?',
  '',
  '## Café',
  'Déjà vu, naïve text.',
  '',
].join('\n');
const { config } = parseConfig('version: 1\n');
if (!config) throw new Error('test config must be valid');

// Pieces of section text: the placeholders, spelt with other case, white space and comments,
// non-ASCII look-alikes, and text of the same length that is something else.
const piece = fc.constantFrom(
  'Who has the problem?',
  'WHO has   the\tproblem?',
  'who has the problem!',
  'What would you do?',
  '<!-- x -->What would you do?',
  'What would you do?<!--',
  'Déjà vu, naïve text.',
  'deja vu, naive text.',
  'Who\u00a0has the problem?',
  '\u000b',
  ' ',
  '\n',
  '',
  'x',
  'Ünïcode',
);
const heading = fc.constantFrom(
  '## Problem',
  '## PROBLEM',
  '## Proposal ##',
  '## Café',
  '## café',
  '## Other',
  '```',
  '# Problem',
);
const body = fc
  .array(
    fc.oneof(
      heading,
      fc.array(piece, { maxLength: 4 }).map((p) => p.join(' ')),
    ),
    { maxLength: 10 },
  )
  .map((lines) => lines.join('\n'));

function expected(bodies: string[]): string[] {
  const sections = parseTemplate(template).sections;
  const found: string[] = [];
  bodies.forEach((text, i) => {
    const present = splitSections(text);
    for (const s of sections)
      if (!present.some((p) => p.heading.toLowerCase() === s.heading.toLowerCase()))
        found.push(`missing ${i} ${s.heading}`);
    for (const p of present) {
      const wanted = sections.find((s) => s.heading.toLowerCase() === p.heading.toLowerCase());
      if (!wanted) continue;
      const normal = normaliseText(p.text);
      if (normal === '' || normal === wanted.placeholder)
        found.push(`placeholder ${i} ${p.offset}`);
    }
  });
  return found.sort();
}

describe('section rules', () => {
  it('report exactly what their definition says', () => {
    let reported = 0;
    fc.assert(
      fc.property(fc.array(body, { minLength: 1, maxLength: 6 }), (bodies) => {
        const files = bodies.map((text, i) => ({
          path: `ideas/i${i}abc-idea.md`,
          text: `---\nid: i${i}abc\ntitle: Idea ${i}\nauthors: [alice]\ncreated: 2026-01-01\n---\n${text}\n`,
        }));
        const repo = buildRepository(
          { files, problems: [], configText: undefined, templateText: template },
          config,
        );
        const got = [
          ...ideaMissingSection
            .check(repo, { today: '2026-11-24' })
            .map((f) => `missing ${f.file.slice(7, 8)} ${/"## (.*)"/.exec(f.message)?.[1]}`),
          ...ideaPlaceholderSection
            .check(repo, { today: '2026-11-24' })
            .map((f) => `placeholder ${f.file.slice(7, 8)} ${(f.line ?? 0) - 7}`),
        ].sort();
        reported += got.length;
        expect(got).toEqual(expected(bodies));
      }),
      { numRuns: 300, seed: 21 },
    );
    expect(reported).toBeGreaterThan(300);
  });
});

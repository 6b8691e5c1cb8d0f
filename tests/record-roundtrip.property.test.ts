/**
 * What the writers emit, the reader reads back as the same text: titles, tags, customers,
 * comments and rationales of any characters, including those YAML 1.1 takes for numbers,
 * booleans, nulls and timestamps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  renderDecision,
  renderIdea,
  renderVote,
  updateVoteText,
} from '../src/format/record-files.js';
import { parseSource } from '../src/parse/records.js';
import { normaliseTag } from '../src/schema/common.js';

const TRICKY = [
  '10:00',
  '1:2',
  '0b101',
  '0x1F',
  '0o17',
  '017',
  '1_000',
  '1e3',
  '.5',
  '.inf',
  '-.Inf',
  '.NaN',
  '2026-05-01',
  '2026-05-01T10:00:00Z',
  '2026-05-01 10:00:00',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  'true',
  '~',
  'null',
  'NULL',
  '=',
  '<<',
  '- a',
  '[a]',
  '{a: b}',
  'a: b # c',
  '#hash',
  '@at',
  '`tick',
  '!tag',
  '&anchor',
  '*alias',
  '%percent',
  '|',
  '>',
  '"quoted"',
  "'single'",
  ' padded ',
  '---',
  '...',
  'Café',
  'a\u202eb',
  'tab\there',
];

function readIdea(text: string) {
  const parsed = parseSource(text, 'idea');
  return { fields: parsed.fields, problems: parsed.problems.filter((p) => p.severity === 'error') };
}

const base = {
  id: 'abc1',
  authors: ['alice'],
  created: '2026-11-01',
  kind: 'idea' as const,
  body: '## Problem\nx\n',
};

/** A tag reads back normalised; one with a control character is refused at its field. */
function expectTag(parsed: ReturnType<typeof parseSource>, normal: string): void {
  if (normal === '') expect(parsed.fields?.tags).toEqual([]);
  else if (parsed.fields === undefined) {
    expect(parsed.problems.map((p) => p.rule)).toEqual(['field/invalid']);
    expect(normal.length > 40 || /[\p{Cc}\p{Cf}]/u.test(normal)).toBe(true);
  } else expect(parsed.fields.tags).toEqual([normal]);
}

/** The text a title reads back as: the schema trims it. */
const asTitle = (title: string) => title.trim();
const asBody = (text: string) => text.replace(/\0/g, '').replace(/\r\n?/g, '\n').trim();

describe('writers quote what YAML 1.1 would read as another type', () => {
  for (const value of TRICKY) {
    it(`title and tag ${JSON.stringify(value)} read back as written`, () => {
      const title = readIdea(renderIdea({ ...base, title: value, tags: [] }));
      expect(title.problems).toEqual([]);
      expect(title.fields?.title).toBe(asTitle(value));
      expectTag(
        parseSource(renderIdea({ ...base, title: 'T', tags: [value] }), 'idea'),
        normaliseTag(value),
      );
    });
  }

  it('a customer and a date-like voter field survive an update in place', () => {
    const first = renderVote({
      idea: 'abc1',
      voter: 'carol',
      points: 1,
      date: '2026-11-01',
      customers: ['10:00'],
    });
    const updated = updateVoteText(first, {
      points: 2,
      date: '2026-11-02',
      customers: ['yes', '1_000'],
    });
    const parsed = parseSource(updated ?? '', 'vote');
    expect(parsed.problems).toEqual([]);
    expect(parsed.fields?.customers).toEqual(['10:00', 'yes', '1_000']);
  });
});

// Any text, with the characters YAML treats specially weighted in.
const special = fc.constantFrom(
  ':',
  '#',
  '-',
  '?',
  ',',
  '[',
  ']',
  '{',
  '}',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
  ' ',
  '\t',
  '\n',
  '\r',
  '\\',
  '0',
  '1',
  '.',
  '_',
  'e',
  'x',
  'b',
  'o',
  'y',
  'n',
  'T',
  'Z',
  '~',
  '\u00e9',
  '\u202e',
  '\u200b',
  '\ufeff',
);
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: special, maxLength: 30 }),
  fc.constantFrom(...TRICKY),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

// Runs are kept small enough for CI; the seed is printed by fast-check when a run fails.
const RUNS = 300;

describe('property: write -> read is the identity on text', () => {
  it('titles (non-blank, at most 200 characters) read back trimmed', () => {
    fc.assert(
      fc.property(
        text.filter((t) => t.trim() !== '' && t.trim().length <= 200),
        (title) => {
          const { fields } = readIdea(renderIdea({ ...base, title, tags: [] }));
          expect(fields?.title).toBe(asTitle(title));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('tags read back normalised, or are refused as not plain text', () => {
    fc.assert(
      fc.property(text, (tag) => {
        const parsed = parseSource(renderIdea({ ...base, title: 'T', tags: [tag] }), 'idea');
        const normal = normaliseTag(tag);
        expectTag(parsed, normal);
      }),
      { numRuns: RUNS },
    );
  });

  it('customers read back as written, or are refused as not plain text', () => {
    fc.assert(
      fc.property(
        text.filter((c) => c !== ''),
        (customer) => {
          const parsed = parseSource(
            renderVote({
              idea: 'abc1',
              voter: 'carol',
              points: 1,
              date: '2026-11-01',
              customers: [customer],
            }),
            'vote',
          );
          if (parsed.fields === undefined)
            expect(parsed.problems.map((p) => p.rule)).toEqual(['field/invalid']);
          else expect(parsed.fields.customers).toEqual([customer]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('vote comments and decision rationales read back as written (trimmed, LF line ends)', () => {
    fc.assert(
      fc.property(text, text, (comment, rationale) => {
        const vote = parseSource(
          renderVote({
            idea: 'abc1',
            voter: 'carol',
            points: 1,
            date: '2026-11-01',
            customers: [],
            comment,
          }),
          'vote',
        );
        expect(vote.problems).toEqual([]);
        expect(vote.body.trim()).toBe(asBody(comment));
        const decision = parseSource(
          renderDecision({
            idea: 'abc1',
            status: 'rejected',
            date: '2026-11-01',
            reviewers: ['carol'],
            scores: {},
            rationale,
          }),
          'decision',
        );
        expect(decision.problems).toEqual([]);
        expect(decision.body.trim()).toBe(asBody(rationale));
      }),
      { numRuns: RUNS },
    );
  });
});

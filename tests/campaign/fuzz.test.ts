/**
 * The fuzzing campaign: random and mutated records, configs and command lines.
 *
 * Seeded: IDEAS_FUZZ_SEED picks the seed (a fixed one by default, so CI is repeatable);
 * fast-check prints the seed and the counterexample's path when a property fails, and
 * `fc.assert(..., { seed, path })` replays it. Runs are sized for a few seconds each.
 *
 * Properties: parsing and validating never throw; every problem names its file, a registered
 * rule and a real place; validation is deterministic; the CLI exits 0, 1 or 2 and never prints a
 * stack; what `new`, `vote` and `review` write validates and reads back as given.
 */
import fc from 'fast-check';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/parse/config.js';
import { parseSource } from '../../src/parse/records.js';
import { buildRepository } from '../../src/read/build-repository.js';
import { validateRepository } from '../../src/validate/validate.js';
import { rulesById } from '../../src/validate/registry.js';
import { builtInTemplate } from '../../src/read/repository.js';
import type { RecordKind } from '../../src/model/types.js';
import { runBinary, runCli } from '../helpers/cli.js';
import { BODY, TREE, makeIdeasRepo } from '../helpers/authoring.js';
import { git } from '../helpers/repo.js';

export const SEED = Number(process.env.IDEAS_FUZZ_SEED ?? 20261124);
/** Every property of this file, counted for the README's Reliability section. */
const params = (numRuns: number) => ({ seed: SEED, numRuns });

const VALID: Record<RecordKind, string> = {
  idea: `---\nid: abc1\ntitle: Offer overnight shipping\nauthors: [alice]\nteam: sales\ncreated: 2026-11-01\ntags: [logistics]\nestimates: {reach: 100, impact: 2, confidence: 0.5, effort: 3}\n---\n${BODY}`,
  vote: '---\nidea: abc1\nvoter: carol\npoints: 2\ndate: 2026-11-20\ncustomers: [acme]\n---\nThey asked.\n',
  decision:
    '---\nidea: abc1\nstatus: reviewing\ndate: 2026-11-21\nreviewers: [carol]\nscores: {impact: 4}\n---\nLooks promising.\n',
};

const PATHS: Record<RecordKind, string> = {
  idea: 'ideas/abc1-offer-overnight-shipping.md',
  vote: 'votes/abc1/carol.md',
  decision: 'decisions/abc1/2026-11-21-reviewing.md',
};

/** Characters that have broken parsers and terminals: bidi, zero-width, homoglyphs, controls. */
const NASTY = [
  '\u0000',
  '\r',
  '\r\n',
  '\n',
  '\t',
  '\u001b[31m',
  '\u009b',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\ud800', // a lone surrogate: what invalid UTF-8 decodes near
  '\uFFFD',
  'а', // Cyrillic a
  'ｉｄ',
  '---',
  '---js',
  ': ',
  '- ',
  '&a ',
  '*a',
  '!!js/function ',
  '<<: ',
  '? ',
  '{',
  '[',
  '"',
  "'",
  '#',
  '|',
  '__proto__: ',
  'constructor: ',
];

const nasty = fc.constantFrom(...NASTY);
const chunk = fc.oneof(
  nasty,
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

/** One edit of a text: insert, delete, replace, duplicate a line, or truncate. */
type Edit = {
  at: number;
  kind: 'insert' | 'delete' | 'truncate' | 'dupline';
  text: string;
  n: number;
};
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'truncate', 'dupline'),
  text: chunk,
  n: fc.integer({ min: 1, max: 20 }),
});

function mutate(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const { at, kind, text: piece, n } of edits) {
    const i = out.length === 0 ? 0 : at % (out.length + 1);
    if (kind === 'insert') out = out.slice(0, i) + piece + out.slice(i);
    else if (kind === 'delete') out = out.slice(0, i) + out.slice(i + n);
    else if (kind === 'truncate') out = out.slice(0, i);
    else {
      const lines = out.split('\n');
      const line = i % Math.max(lines.length, 1);
      lines.splice(line, 0, lines[line] ?? '');
      out = lines.join('\n');
    }
  }
  return out;
}

/** Big shapes: huge scalars and keys, deep nesting, many keys, mixed line ends. */
const monster = fc.oneof(
  fc.integer({ min: 1000, max: 80_000 }).map((n) => `---\nid: abc1\n${'k'.repeat(n)}: 1\n---\n`),
  fc
    .integer({ min: 1000, max: 200_000 })
    .map((n) => `---\nid: abc1\ntitle: ${'x'.repeat(n)}\n---\n`),
  fc
    .integer({ min: 10, max: 5000 })
    .map((n) => `---\nid: abc1\nx: ${'['.repeat(n)}${']'.repeat(n)}\n---\n`),
  fc
    .integer({ min: 10, max: 3000 })
    .map(
      (n) =>
        `---\nid: abc1\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(i % 40)}k${i}:`).join('\n')} 1\n---\n`,
    ),
  fc
    .integer({ min: 100, max: 20_000 })
    .map((n) => `---\n${Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n')}\n---\n`),
  fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 8, maxLength: 8 }).map((ends) =>
    VALID.idea
      .split('\n')
      .map((line, i) => line + (ends[i % ends.length] ?? '\n'))
      .join(''),
  ),
);

const kind = fc.constantFrom<RecordKind>('idea', 'vote', 'decision');

/** A record of `kind`: valid, mutated, random, or a monster. */
const recordText = (k: RecordKind) =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .array(edit, { minLength: 1, maxLength: 6 })
        .map((edits) => mutate(VALID[k], edits)),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 400 }) },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'binary', maxLength: 400 }).map((t) => `---\n${t}\n---\n`),
    },
    { weight: 1, arbitrary: monster },
  );

function checkProblems(
  problems: readonly { rule: string; line: number; column: number; file?: string }[],
  files: ReadonlySet<string>,
) {
  for (const problem of problems) {
    expect(rulesById.has(problem.rule), problem.rule).toBe(true);
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    if (problem.file !== undefined) expect(files.has(problem.file), problem.file).toBe(true);
  }
}

const CONFIG_TEXT = TREE['ideas.config.yaml'];
const CONFIG = parseConfig(CONFIG_TEXT).config;
const TEMPLATE = builtInTemplate();

function validate(files: { path: string; text: string }[]) {
  if (!CONFIG) throw new Error('the fixture config must parse');
  const repo = buildRepository(
    { files, problems: [], configText: CONFIG_TEXT, templateText: TEMPLATE },
    CONFIG,
  );
  return validateRepository(repo, { today: '2026-11-24' });
}

describe('fuzz: parsing each kind of file', () => {
  it('never throws; every problem is a registered rule at a real place', () => {
    fc.assert(
      fc.property(
        kind.chain((k) => fc.tuple(fc.constant(k), recordText(k))),
        ([k, text]) => {
          const parsed = parseSource(text, k);
          checkProblems(parsed.problems, new Set());
          // Fields or a problem: a parse never ends with neither.
          expect(parsed.fields !== undefined || parsed.problems.length > 0).toBe(true);
        },
      ),
      params(400),
    );
  });

  it('validation is deterministic and names only the files it was given', () => {
    fc.assert(
      fc.property(
        fc.tuple(recordText('idea'), recordText('vote'), recordText('decision')),
        fc.boolean(),
        ([idea, vote, decision], reversed) => {
          const files = [
            { path: PATHS.idea, text: idea },
            { path: PATHS.vote, text: vote },
            { path: PATHS.decision, text: decision },
          ];
          const first = validate(files);
          const again = validate(reversed ? [...files].reverse() : files);
          expect(again).toEqual(first);
          checkProblems(first, new Set(Object.values(PATHS)));
        },
      ),
      params(200),
    );
  });
});

describe('fuzz: the config', () => {
  const settings = [
    'version: 1',
    'teams: {sales: {}, ops: {parent: sales}}',
    'people: {alice: {emails: [a@x.org], team: sales}}',
    'reviewers: [carol]',
    'voting: {mode: budget, budget: 5}',
    'ranking: {model: rice, half_life_days: 30}',
    'review: {criteria: [impact, {name: reach, min: 0, max: 10}], quorum: 1}',
    'campaigns: {c1: {question: q, closes: 2027-01-01}}',
    'lifecycle: {initial: proposed, transitions: {proposed: [done], done: []}, closed: [done]}',
  ].join('\n');

  it('never throws; every problem is config/invalid at a real place', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) => mutate(settings, edits)),
          fc.string({ maxLength: 300 }),
          fc
            .integer({ min: 100, max: 2_000 })
            .map(
              (n) =>
                `version: 1\nteams:\n${Array.from({ length: n }, (_, i) => `  t${i % 7919}: {}`).join('\n')}\n`,
            ),
        ),
        (text) => {
          const { config, problems } = parseConfig(text);
          for (const problem of problems) {
            expect(problem.rule).toBe('config/invalid');
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.message).not.toMatch(/^\S+ (Too small|Too big|Invalid|Expected)/);
          }
          if (config === undefined) expect(problems.some((p) => p.severity === 'error')).toBe(true);
          expect(JSON.stringify(parseConfig(text))).toBe(JSON.stringify({ config, problems }));
        },
      ),
      params(100),
    );
  });
});

/** Text as a UTF-8 file holds it: a lone surrogate cannot be encoded and becomes U+FFFD. */
const encoded = (text: string) => Buffer.from(text, 'utf8').toString('utf8');
/** A comment or rationale as it reads back: LF line ends, trimmed, without NUL characters. */
const asBody = (text: string) => encoded(text).replace(/\0/g, '').replace(/\r\n?/g, '\n').trim();

/** What the CLI prints when it crashes: an internal error, or a Node stack. */
const CRASH = /internal error|^\s+at .+:\d+:\d+\)?$/m;

describe('fuzz: the command line', () => {
  let root = '';
  beforeEach(() => {
    root = makeIdeasRepo('carol@example.com');
  });

  const word = fc.oneof(
    fc.constantFrom(
      'validate',
      'rank',
      'list',
      'show',
      'report',
      'queue',
      'pending',
      'index',
      'check',
      '--format',
      'json',
      'github',
      'text',
      'md',
      'html',
      '--tag',
      '--team',
      '--status',
      '--model',
      'rice',
      'ice',
      'wsjf',
      'hot',
      '--since',
      '2026-13-45',
      '--at',
      '--root',
      '.',
      '..',
      '/',
      'ship01',
      'SHIP01',
      'nope',
      '--',
      '-',
      '--help',
      '--check',
      '--changed-since',
      'HEAD~99',
      '--limit',
      '-1',
      '0',
      '99999999999999999999',
      'NaN',
      '--no-color',
      '--json',
    ),
    nasty,
    fc.string({ maxLength: 10 }),
  );
  const readOnly = fc.constantFrom('validate', 'rank', 'list', 'show', 'report', 'queue', 'index');

  it('read-only commands exit 0, 1 or 2, never with a stack, and change nothing', async () => {
    const before = git(root, 'status', '--porcelain', '--untracked-files=all');
    await fc.assert(
      fc.asyncProperty(readOnly, fc.array(word, { maxLength: 5 }), async (command, args) => {
        // `index` without --check writes IDEAS.md: keep it to --check here.
        const argv =
          command === 'index'
            ? ['index', '--check', ...args.filter((a) => a !== 'index')]
            : [command, ...args];
        const result = await runCli(
          argv.filter((a) => !a.includes('\u0000')),
          { cwd: root },
        );
        expect([0, 1, 2], `${JSON.stringify(argv)}\n${result.stderr}`).toContain(result.code);
        expect(result.stderr).not.toMatch(CRASH);
        expect(result.stdout).not.toMatch(CRASH);
      }),
      params(120),
    );
    expect(git(root, 'status', '--porcelain', '--untracked-files=all')).toBe(before);
  });
});

describe('fuzz: what the writers write', () => {
  let root = '';
  let body = '';
  beforeEach(() => {
    root = makeIdeasRepo('carol@example.com');
    body = join(root, '..', `fuzz-body-${process.pid}.md`);
    writeFileSync(body, BODY.replace('next-morning', 'same-day'));
  });
  const reset = () => {
    git(root, 'checkout', '-q', '--', '.');
    git(root, 'clean', '-qfdx');
  };
  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    nasty,
    fc.constantFrom('10:00', '1:2', '0b101', '1_000', 'yes', '~', 'null', '2026-05-01T10:00:00Z'),
  );

  it('new: writes an idea that validates and reads back, or refuses with exit 2', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(text, { maxLength: 3 }), async (title, tags) => {
        reset();
        const argv = [
          'new',
          '--title',
          title,
          '--team',
          'sales',
          '--body-file',
          body,
          '--yes',
          '--format',
          'json',
        ];
        for (const tag of tags) argv.push('--tag', tag);
        const result = await runCli(argv, { cwd: root });
        expect([0, 1, 2], result.stderr).toContain(result.code);
        expect(result.stderr).not.toMatch(CRASH);
        if (result.code !== 0) return;
        const { path } = JSON.parse(result.stdout) as { path: string };
        const parsed = parseSource(readFileSync(join(root, path), 'utf8'), 'idea');
        expect(parsed.fields?.title).toBe(title.trim()); // quoted with escapes: exact
        expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
      }),
      params(40),
    );
  });

  it('vote: writes a vote that validates and reads back, or refuses with exit 2', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(text, { maxLength: 2 }), async (comment, customers) => {
        reset();
        const argv = ['vote', 'ship01', '--comment', comment];
        for (const customer of customers) argv.push('--customer', customer);
        const result = await runCli(argv, { cwd: root });
        expect([0, 2], result.stderr).toContain(result.code);
        expect(result.stderr).not.toMatch(CRASH);
        if (result.code !== 0) return;
        const parsed = parseSource(
          readFileSync(join(root, 'votes/ship01/carol.md'), 'utf8'),
          'vote',
        );
        expect(parsed.fields?.customers).toEqual([...new Set(customers.map(encoded))]);
        expect(parsed.body.trim()).toBe(asBody(comment));
        expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
      }),
      params(40),
    );
  });

  it('review: writes a decision that validates and reads back, or refuses', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: -3, max: 9 }), async (rationale, score) => {
        reset();
        const argv = [
          'review',
          'ship01',
          '--status',
          'rejected',
          '--rationale',
          rationale,
          '--score',
          `impact=${score}`,
          '--format',
          'json',
        ];
        const result = await runCli(argv, { cwd: root });
        expect([0, 1, 2], result.stderr).toContain(result.code);
        expect(result.stderr).not.toMatch(CRASH);
        if (score < 1 || score > 5) expect(result.code).not.toBe(0);
        if (result.code !== 0) return;
        const { path } = JSON.parse(result.stdout) as { path: string };
        const parsed = parseSource(readFileSync(join(root, path), 'utf8'), 'decision');
        expect(parsed.body.trim()).toBe(asBody(rationale));
        expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
      }),
      params(40),
    );
  });
});

describe('fuzz: whole files through the binary', () => {
  it('random bytes in every kind of file: exit 0, 1 or 2, no stack, each problem names its file', () => {
    const root = makeIdeasRepo();
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        fc.uint8Array({ minLength: 1, maxLength: 4 }),
        (bytes, edits, invalid) => {
          writeFileSync(join(root, 'ideas/zz01-random.md'), bytes);
          // Valid text with bytes that are not UTF-8 spliced in.
          const text = Buffer.from(mutate(VALID.vote, edits), 'utf8');
          mkdirSync(join(root, 'votes/ship01'), { recursive: true });
          writeFileSync(
            join(root, 'votes/ship01/carol.md'),
            Buffer.concat([text.subarray(0, 20), Buffer.from(invalid), text.subarray(20)]),
          );
          const result = runBinary(['validate', '--format', 'json'], { cwd: root });
          expect([0, 1, 2], result.stderr).toContain(result.code);
          expect(result.stderr).not.toMatch(CRASH);
          const report = JSON.parse(result.stdout) as { problems: { file: string }[] };
          for (const problem of report.problems)
            expect(problem.file).toMatch(/^(ideas|votes|decisions)\/|^ideas\.config\.yaml$/);
        },
      ),
      params(12),
    );
  });
});

/** Bad input that used to pass without a word, or come out in a tool's words. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/parse/config.js';
import { parseSource } from '../src/parse/records.js';
import { formatGithub, formatText } from '../src/format/problems.js';
import { runCli } from './helpers/cli.js';
import { makeRepo } from './helpers/repo.js';
import { makeIdeasRepo } from './helpers/authoring.js';

const messages = (text: string) =>
  parseConfig(text).problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`);

describe('config: unknown settings at any depth, errors in the user words', () => {
  it('warns about a misspelt nested key', () => {
    expect(messages('version: 1\nranking: {modle: rice}\n')).toEqual([
      '2:11 warning unknown setting "ranking.modle": remove it or check its spelling',
    ]);
    expect(messages('version: 1\npeople:\n  bob: {emials: [b@x.org]}\n')).toEqual([
      '3:9 warning unknown setting "people.bob.emials": remove it or check its spelling',
    ]);
    // Names under teams, people and campaigns are the user's own: never "unknown".
    expect(messages('version: 1\nteams: {anything: {}}\n')).toEqual([]);
  });

  it('says what a value must be, not what zod expected', () => {
    expect(messages('version: 1\nreview: {quorum: 0}\n')).toEqual([
      '2:18 error review.quorum must be 1 or more',
    ]);
    expect(messages('version: 1\nvoting: {budget: 2.5, downvotes: maybe}\n')).toEqual([
      '2:18 error voting.budget must be a whole number',
      '2:34 error voting.downvotes must be true or false',
    ]);
    expect(messages('version: 1\nvoting: {mode: ranked}\n')).toEqual([
      '2:16 error voting.mode must be one of simple, budget, quadratic',
    ]);
    expect(messages('version: 1\nreviewers: {a: b}\n')[0]).toBe(
      '2:12 error reviewers must be a list',
    );
    for (const message of messages(
      'version: 1\nreview: {quorum: 0, threshold: -1}\nteams: {"a b": {}}\n',
    ))
      expect(message).not.toMatch(/Too small|expected|Invalid/);
  });

  it('reports a duplicate key at any depth', () => {
    expect(messages('version: 1\nvoting:\n  mode: budget\n  mode: simple\n')).toEqual([
      '4:3 error "mode" appears twice: keep one',
    ]);
  });

  it('gives each review criterion a scale: 1 to 5 unless said', () => {
    const config = parseConfig(
      'version: 1\nreview: {criteria: [impact, {name: reach, min: 0, max: 10}]}\n',
    ).config;
    expect(config?.review.criteria).toEqual(['impact', 'reach']);
    expect(config?.review.scales).toEqual({
      impact: { min: 1, max: 5 },
      reach: { min: 0, max: 10 },
    });
    expect(messages('version: 1\nreview: {criteria: [{name: x, min: 5, max: 1}]}\n')).toEqual([
      '2:21 error review.criteria.0 needs min below max',
    ]);
  });
});

describe('records: tags, customers', () => {
  const idea = (tags: string) =>
    parseSource(
      `---\nid: abc1\ntitle: T\nauthors: [a]\ncreated: 2026-01-01\ntags: ${tags}\n---\n`,
      'idea',
    );

  it('normalises tags: lower case, trimmed, one space inside', () => {
    expect(idea('[" Logistics ", "Same   Day"]').fields?.tags).toEqual(['logistics', 'same day']);
  });

  it('refuses control and bidi characters in tags and customers', () => {
    expect(idea('["a\\u009bb"]').problems.map((p) => p.rule)).toEqual(['field/invalid']);
    expect(idea('["a\\u202eb"]').problems[0]?.message).toMatch(/control character/);
    const vote = parseSource(
      '---\nidea: abc1\nvoter: carol\ndate: 2026-01-01\ncustomers: ["Acme\\u202e"]\n---\n',
      'vote',
    );
    expect(vote.problems.map((p) => `${p.line} ${p.rule}`)).toEqual(['5 field/invalid']);
  });
});

describe('files that are not UTF-8', () => {
  it('a Latin-1 file and a UTF-16 file each say "not UTF-8: re-save as UTF-8"', async () => {
    const root = makeRepo({ 'ideas.config.yaml': 'version: 1\n', 'ideas/.gitkeep': '' });
    const text = '---\nid: abc1\ntitle: Café\nauthors: [a]\ncreated: 2026-01-01\n---\n';
    writeFileSync(join(root, 'ideas/abc1-latin.md'), Buffer.from(text, 'latin1'), { flag: 'w' });
    writeFileSync(
      join(root, 'ideas/abc2-utf16.md'),
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(text.replace('abc1', 'abc2'), 'utf16le'),
      ]),
    );
    const result = await runCli(['validate'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /ideas\/abc1-latin\.md:1:1 +error +repo\/unreadable-file +not UTF-8: re-save as UTF-8/,
    );
    expect(result.stdout).toMatch(
      /ideas\/abc2-utf16\.md:1:1 +error +repo\/unreadable-file +not UTF-8: re-save as UTF-8 \(this file is UTF-16\)/,
    );
    expect(result.stdout).not.toContain('\uFFFD');
  });
});

describe('text output', () => {
  const problem = {
    rule: 'repo/misplaced-file',
    severity: 'error' as const,
    file: '::error file=x.md::pwned',
    line: 1,
    column: 1,
    message: 'moved',
  };

  it('never starts a line with "::" from a path', () => {
    const text = formatText({ problems: [problem], files: 1 }, { color: false });
    for (const line of text.split('\n')) expect(line.startsWith('::')).toBe(false);
    expect(text).toContain('./::error file=x.md::pwned:1:1');
  });

  it('says "1 file", not "1 files"', () => {
    expect(formatGithub({ problems: [], files: 1 })).toBe('0 errors, 0 warnings in 1 file\n');
    expect(formatText({ problems: [problem], files: 1 }, { color: false })).toMatch(/in 1 file\n$/);
  });
});

describe('review scores', () => {
  it('refuses a score outside its scale', async () => {
    const root = makeIdeasRepo('carol@example.com');
    const result = await runCli(
      ['review', 'ship01', '--status', 'reviewing', '--score', 'impact=999'],
      {
        cwd: root,
      },
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/outside its scale of 1 to 5/);
    const ok = await runCli(['review', 'ship01', '--status', 'reviewing', '--score', 'impact=4'], {
      cwd: root,
    });
    expect(ok.code, ok.stderr).toBe(0);
  });
});

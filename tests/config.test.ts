import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/parse/config.js';
import { DEFAULT_LIFECYCLE } from '../src/schema/config.js';

function at(text: string): string[] {
  return parseConfig(text).problems.map(
    (p) => `${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`,
  );
}

describe('parseConfig: defaults', () => {
  it('fills every default from "version: 1" alone', () => {
    const { config, problems } = parseConfig('version: 1\n');
    expect(problems).toEqual([]);
    expect(config).toEqual({
      version: 1,
      teams: {},
      people: {},
      reviewers: [],
      voting: { mode: 'simple', budget: 10, downvotes: false, self_votes: false },
      ranking: { model: 'votes', half_life_days: 30 },
      review: { criteria: [], scales: {}, quorum: 1, threshold: 5, stale_after_days: 30 },
      campaigns: {},
      lifecycle: DEFAULT_LIFECYCLE,
      authoring: { branch: false },
      index: { auto: true },
    });
  });

  it('fills defaults inside a section that is partly given', () => {
    const { config } = parseConfig('version: 1\nvoting:\n  mode: budget\nteams:\n  sales:\n');
    expect(config?.voting).toEqual({
      mode: 'budget',
      budget: 10,
      downvotes: false,
      self_votes: false,
    });
    // An empty team entry ("sales:") is a team with no parent.
    expect(config?.teams).toEqual({ sales: {} });
  });

  it('reads the example of SPEC §3 without a problem', () => {
    const { config, problems } = parseConfig(
      [
        'version: 1',
        'teams:',
        '  company: {}',
        '  commercial: {parent: company}',
        '  sales: {parent: commercial}',
        'people:',
        '  alice: {emails: [alice@example.com], team: sales}',
        'reviewers: [carol, dave]',
        'voting: {mode: quadratic, budget: 10, downvotes: false, self_votes: false}',
        'ranking: {model: hot, half_life_days: 30}',
        'review: {criteria: [impact, feasibility], quorum: 1, threshold: 5, stale_after_days: 30}',
        'campaigns:',
        '  faster-delivery: {question: "How do we get orders to customers faster?", closes: 2027-01-31}',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(config?.campaigns['faster-delivery']?.closes).toBe('2027-01-31');
    expect(config?.people.alice?.emails).toEqual(['alice@example.com']);
  });
});

describe('parseConfig: bad values', () => {
  it('reports each bad value at its line and column, all at once', () => {
    const text = [
      'version: 1',
      'voting:',
      '  mode: ranked',
      '  budget: -3',
      'review:',
      '  quorum: 0',
      'ranking:',
      '  model: magic',
      '',
    ].join('\n');
    const result = parseConfig(text);
    expect(result.config).toBeUndefined();
    const places = result.problems.map((p) => [p.line, p.column, p.severity, p.rule]);
    expect(places.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [3, 9, 'error', 'config/invalid'],
      [4, 11, 'error', 'config/invalid'],
      [6, 11, 'error', 'config/invalid'],
      [8, 10, 'error', 'config/invalid'],
    ]);
    expect(result.problems[0]?.message).toContain('voting.mode');
    expect(result.problems[0]?.file).toBe('ideas.config.yaml');
  });

  it('names the file it was given', () => {
    expect(parseConfig('version: 2\n', 'sub/ideas.config.yaml').problems[0]?.file).toBe(
      'sub/ideas.config.yaml',
    );
  });

  it('reports a wrong or missing version', () => {
    expect(at('version: 2\n')).toEqual(['1:10 error config/invalid version must be 1']);
    expect(at('teams: {}\n')).toEqual(['1:1 error config/invalid version must be 1']);
  });

  it('reports YAML syntax errors and duplicate keys with their place', () => {
    expect(at('version: 1\nteams: [\n')[0]).toMatch(/^3:1 error config\/invalid not valid YAML/);
    expect(at('version: 1\nversion: 1\n')).toEqual([
      '2:1 error config/invalid "version" appears twice: keep one',
    ]);
  });

  it('reports a config that is not a mapping', () => {
    for (const text of ['', '- a\n', 'just words\n']) {
      expect(parseConfig(text).config).toBeUndefined();
      expect(at(text)).toEqual([
        '1:1 error config/invalid must be a mapping of settings, starting with "version: 1"',
      ]);
    }
  });

  it('reports an impossible campaign date and a campaign that closes before it opens', () => {
    const text = ['version: 1', 'campaigns:', '  a: {question: q, closes: 2026-02-30}', ''].join(
      '\n',
    );
    expect(at(text)).toEqual([
      '3:28 error config/invalid campaigns.a.closes is not a real calendar date',
    ]);
    const backwards =
      'version: 1\ncampaigns:\n  b:\n    question: q\n    opens: 2026-05-01\n    closes: 2026-04-01\n';
    expect(at(backwards)).toEqual(['4:5 error config/invalid campaign "b" closes before it opens']);
  });

  it('reports a person in an unknown team', () => {
    expect(at('version: 1\nteams: {a: {}}\npeople:\n  bob: {team: b}\n')).toEqual([
      '4:15 error config/invalid person "bob" is in unknown team "b"',
    ]);
  });
});

describe('parseConfig: unknown settings', () => {
  it('warns about an unknown top-level setting and still returns the config', () => {
    const result = parseConfig('version: 1\ncolour: blue\nteams: {}\n');
    expect(result.config).toBeDefined();
    expect(at('version: 1\ncolour: blue\nteams: {}\n')).toEqual([
      '2:1 warning config/invalid unknown setting "colour": remove it or check its spelling',
    ]);
  });

  it('keeps a __proto__ setting harmless', () => {
    const result = parseConfig('version: 1\n__proto__: {polluted: true}\n');
    expect(result.problems.map((p) => p.severity)).toEqual(['warning']);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.config)).toBe(Object.prototype);
  });
});

describe('parseConfig: teams and lifecycle', () => {
  it('reports a cycle of team parents on each team in it, and an unknown parent', () => {
    const text = [
      'version: 1',
      'teams:',
      '  a: {parent: b}',
      '  b: {parent: a}',
      '  c: {parent: zz}',
      '  d: {parent: d}',
      '',
    ].join('\n');
    const result = parseConfig(text);
    expect(result.config).toBeUndefined();
    expect(at(text).sort()).toEqual(
      [
        '3:6 error config/invalid team "a" is its own ancestor: break the cycle of parents',
        '4:6 error config/invalid team "b" is its own ancestor: break the cycle of parents',
        '5:15 error config/invalid team "c" has unknown parent "zz": add it under teams',
        '6:6 error config/invalid team "d" is its own ancestor: break the cycle of parents',
      ].sort(),
    );
  });

  it('accepts a deep but acyclic hierarchy', () => {
    const teams = Array.from({ length: 50 }, (_, i) =>
      i === 0 ? '  t0: {}' : `  t${i}: {parent: t${i - 1}}`,
    );
    expect(parseConfig(`version: 1\nteams:\n${teams.join('\n')}\n`).problems).toEqual([]);
  });

  it('reports unknown statuses in a custom lifecycle', () => {
    const text = [
      'version: 1',
      'lifecycle:',
      '  initial: new',
      '  transitions:',
      '    open: [done, lost]',
      '    done: []',
      '  closed: [done, gone]',
      '',
    ].join('\n');
    expect(parseConfig(text).config).toBeUndefined();
    expect(at(text)).toEqual([
      '3:12 error config/invalid initial status "new" has no entry under lifecycle.transitions',
      '5:11 error config/invalid "open" leads to unknown status "lost": list it under lifecycle.transitions',
      '7:18 error config/invalid lifecycle.closed names "gone", which is not a status: list it under lifecycle.transitions',
    ]);
  });

  it('accepts a consistent custom lifecycle', () => {
    const text =
      'version: 1\nlifecycle:\n  initial: open\n  transitions:\n    open: [done]\n    done: []\n  closed: [done]\n  rationale_required: []\n';
    const { config, problems } = parseConfig(text);
    expect(problems).toEqual([]);
    expect(config?.lifecycle.initial).toBe('open');
  });
});

describe('parseConfig: aliases', () => {
  it('reports an alias bomb as an error instead of expanding it', () => {
    const lines = ['version: 1', 'x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 12; i++) {
      lines.push(`x${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
    }
    const result = parseConfig(`${lines.join('\n')}\n`);
    expect(result.config).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({ rule: 'config/invalid', severity: 'error', line: 1, column: 1 }),
    ]);
    expect(result.problems[0]?.message).toMatch(/cannot be read: .*alias/i);
  });

  it('allows a few plain aliases', () => {
    const { config, problems } = parseConfig(
      'version: 1\nreviewers: &r [carol, dave]\nreview:\n  criteria: *r\n',
    );
    expect(problems).toEqual([]);
    expect(config?.review.criteria).toEqual(['carol', 'dave']);
  });
});

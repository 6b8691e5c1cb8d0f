// What the slimmer parsed records must keep: the same values in the same key order, a parse
// shared by two files giving each its own record, messages that still point at a line, and
// paths read from git's index exactly as written.
import { describe, expect, it } from 'vitest';
import { locateField } from '../src/parse/front-matter.js';
import { parseRecords, parseSource } from '../src/parse/records.js';
import { runCli } from './helpers/cli.js';
import { makeRepo } from './helpers/repo.js';
import { IDEA_FIELDS } from './helpers/record-fields.js';

const IDEA = `---
id: abc123
title: Overnight shipping
authors: [alice]
team: sales
created: 2026-10-01
tags: [Logistics]
estimates:
  reach: 40
  bogus: 1
---
## Problem
Slow.
`;
const VOTE = '---\nidea: abc123\nvoter: bob\npoints: 2\ndate: 2026-10-02\n---\nYes.\n';
const DECISION =
  '---\nidea: abc123\nstatus: reviewing\ndate: 2026-10-05\nreviewers: [carol]\n---\nLooking.\n';

describe('parsed records', () => {
  it('hold the values and key order the files give, the file’s own fields last', () => {
    const parsed = parseRecords([
      { path: 'ideas/abc123-overnight-shipping.md', text: IDEA },
      { path: 'votes/abc123/bob.md', text: VOTE },
      { path: 'decisions/abc123/2026-10-05-reviewing.md', text: DECISION },
    ]);
    const [idea] = parsed.ideas;
    const [vote] = parsed.votes;
    const [decision] = parsed.decisions;
    // The schema's order of the fields it has (no parent, no campaign), then body and path.
    const absent = new Set(['parent', 'campaign']);
    expect(Object.keys(idea ?? {})).toEqual([
      ...IDEA_FIELDS.filter((field) => !absent.has(field)),
      'body',
      'path',
    ]);
    expect(idea).toMatchObject({
      authors: ['alice'],
      tags: ['logistics'],
      estimates: { reach: 40 },
    });
    expect(vote).toEqual({
      idea: 'abc123',
      voter: 'bob',
      points: 2,
      date: '2026-10-02',
      customers: [],
      comment: 'Yes.',
      path: 'votes/abc123/bob.md',
    });
    expect(Object.keys(vote ?? {})).toEqual([
      'idea',
      'voter',
      'points',
      'date',
      'customers',
      'comment',
      'path',
    ]);
    expect(decision).toMatchObject({ status: 'reviewing', reviewers: ['carol'], sequence: 1 });
    expect(parsed.files.get('votes/abc123/bob.md')?.placement).toEqual({
      kind: 'vote',
      nameOk: true,
      id: 'abc123',
      voter: 'bob',
    });
  });

  it('give two files of one cached parse a record each, and leave the parse’s values as read', () => {
    const shared = parseSource(VOTE, 'vote');
    const parsed = parseRecords([
      { path: 'votes/abc123/bob.md', text: '', parsed: shared },
      { path: 'votes/abc124/bob.md', text: '', parsed: shared },
    ]);
    expect(parsed.votes.map((v) => v.path)).toEqual(['votes/abc123/bob.md', 'votes/abc124/bob.md']);
    expect(parsed.votes.map((v) => v.idea)).toEqual(['abc123', 'abc123']);
    expect(shared.fields).toMatchObject({ idea: 'abc123', voter: 'bob', points: 2 });
    expect(parsed.votes[0]).not.toBe(parsed.votes[1]);
  });

  it('share one frozen problem list among parses without problems, and keep each one’s own', () => {
    const clean = parseSource(VOTE, 'vote');
    expect(clean.problems).toEqual([]);
    expect(Object.isFrozen(clean.problems)).toBe(true);
    expect(parseSource(DECISION, 'decision').problems).toBe(clean.problems);
    const warned = parseSource(IDEA, 'idea');
    expect(warned.problems.map((p) => [p.rule, p.line, p.column])).toEqual([
      ['field/unknown', 10, 3],
    ]);
    expect(Object.isFrozen(warned.problems)).toBe(false);
  });

  it('point at the line of any field through the file’s front matter', () => {
    const parsed = parseRecords([{ path: 'ideas/abc123-overnight-shipping.md', text: IDEA }]);
    const file = parsed.files.get('ideas/abc123-overnight-shipping.md');
    expect(file && locateField(file.frontMatter, ['team'])).toEqual({ line: 5, column: 1 });
    expect(file && locateField(file.frontMatter, ['estimates', 'reach'])).toEqual({
      line: 9,
      column: 3,
    });
    expect(file?.frontMatter.bodyLine).toBe(12);
  });
});

describe('paths read through git’s index', () => {
  it('come out as written, beyond ASCII too, in messages and records', async () => {
    const root = makeRepo({
      'ideas.config.yaml': 'version: 1\nreviewers: [carol]\n',
      'ideas/abc123-overnight-shipping.md': IDEA,
      'votes/abc123/zoë.md': VOTE.replace('voter: bob', 'voter: zoë'),
      'votes/abc123/bob.md': VOTE,
    });
    const result = await runCli(['validate', '--format', 'json'], {
      cwd: root,
      env: { IDEAS_NO_CACHE: '1' },
    });
    const files = (JSON.parse(result.stdout) as { problems: { file: string }[] }).problems.map(
      (p) => p.file,
    );
    expect(files).toContain('votes/abc123/zoë.md');
    expect(files.every((file) => /^(ideas|votes)\//.test(file))).toBe(true);
  });
});

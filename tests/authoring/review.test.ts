import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CONFIG, TREE, makeIdeasRepo, runBinaryAsync } from '../helpers/authoring.js';
import { git } from '../helpers/repo.js';

async function review(root: string, ...args: string[]) {
  return runCli(['review', ...args], { cwd: root });
}

function decisions(root: string, id: string): string[] {
  try {
    return readdirSync(join(root, 'decisions', id)).sort();
  } catch {
    return [];
  }
}

describe('ideas review', () => {
  it('writes decisions/<id>/<date>-<status>.md with scores, and it validates', async () => {
    const root = makeIdeasRepo('carol@example.com');
    const result = await review(
      root,
      'ship01',
      '--status',
      'reviewing',
      '--score',
      'impact=4',
      '--score',
      'feasibility=2.5',
      '--rationale',
      'Worth a look.',
    );
    expect(result).toEqual({
      code: 0,
      stdout: 'wrote decisions/ship01/2026-11-24-reviewing.md\n',
      stderr: '',
    });
    expect(readFileSync(join(root, 'decisions/ship01/2026-11-24-reviewing.md'), 'utf8')).toBe(
      '---\nidea: ship01\nstatus: reviewing\ndate: 2026-11-24\nreviewers: [carol]\nscores:\n  impact: 4\n  feasibility: 2.5\n---\nWorth a look.\n',
    );
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  it('names a second decision of the same day <date>-2-<status>.md, in order', async () => {
    const root = makeIdeasRepo('carol@example.com');
    expect((await review(root, 'ship01', '--status', 'reviewing')).code).toBe(0);
    const second = await review(root, 'ship01', '--status', 'accepted', '--format', 'json');
    expect(JSON.parse(second.stdout)).toEqual({
      schema: 1,
      id: 'ship01',
      path: 'decisions/ship01/2026-11-24-2-accepted.md',
      status: 'accepted',
    });
    expect((await review(root, 'ship01', '--status', 'prototyping')).stdout).toBe(
      'wrote decisions/ship01/2026-11-24-3-prototyping.md\n',
    );
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  it('two reviews at the same moment write two files, never one over the other', async () => {
    const root = makeIdeasRepo('carol@example.com');
    const runs = await Promise.all([
      runBinaryAsync(['review', 'ship01', '--status', 'reviewing'], { cwd: root }),
      runBinaryAsync(['review', 'price01', '--status', 'reviewing'], { cwd: root }),
      runBinaryAsync(['review', 'ship01', '--status', 'deferred', '--rationale', 'Later.'], {
        cwd: root,
      }),
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    // They took turns: one is the first of the day, the other the second, in either order.
    const ship = decisions(root, 'ship01');
    expect(ship).toHaveLength(2);
    expect(ship.filter((name) => name.startsWith('2026-11-24-2-'))).toHaveLength(1);
    expect(decisions(root, 'price01')).toEqual(['2026-11-24-reviewing.md']);
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  it('asks the quorum for --reviewer signatures and writes them all', async () => {
    const root = makeIdeasRepo('carol@example.com', {
      ...TREE,
      'ideas.config.yaml': CONFIG.replace('quorum: 1', 'quorum: 2'),
    });
    const alone = await review(root, 'ship01', '--status', 'reviewing');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toBe(
      'ideas: 2 reviewers must sign a decision and 1 would\n  hint: name the others who agreed: --reviewer HANDLE (repeat), from carol, dave\n',
    );
    const both = await review(root, 'ship01', '--status', 'reviewing', '--reviewer', 'dave');
    expect(both.code, both.stderr).toBe(0);
    expect(readFileSync(join(root, 'decisions/ship01/2026-11-24-reviewing.md'), 'utf8')).toContain(
      'reviewers: [carol, dave]\n',
    );
  });

  it('lets an author withdraw their own idea without a reviewer', async () => {
    const root = makeIdeasRepo('alice@example.com');
    const result = await review(root, 'ship01', '--status', 'withdrawn');
    expect(result.code, result.stderr).toBe(0);
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  it('duplicate needs --duplicate-of and a rationale', async () => {
    const root = makeIdeasRepo('dave@example.com');
    const result = await review(
      root,
      'price01',
      '--status',
      'duplicate',
      '--duplicate-of',
      'ship01',
      '--rationale',
      'Same need.',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(root, 'decisions/price01/2026-11-24-duplicate.md'), 'utf8')).toContain(
      'duplicate_of: ship01\n---\nSame need.\n',
    );
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  it('refuses, with the reason and the way out, every decision validate would reject', async () => {
    const root = makeIdeasRepo('carol@example.com', {
      ...TREE,
      'decisions/theme01/2026-11-10-rejected.md':
        '---\nidea: theme01\nstatus: rejected\ndate: 2026-11-10\nreviewers: [carol]\n---\nNot now.\n',
    });
    const cases: [string[], string][] = [
      [
        ['ship01', '--status', 'accepted'],
        'ideas: "ship01" is proposed and cannot go to accepted\n  hint: from proposed it can go to reviewing, rejected, deferred, duplicate, withdrawn\n',
      ],
      [
        ['theme01', '--status', 'reviewing'],
        'ideas: "theme01" is rejected and cannot go to reviewing\n  hint: rejected is final: nothing follows it\n',
      ],
      [
        ['ship01', '--status', 'maybe'],
        'ideas: "maybe" is not a status of this repository\'s lifecycle\n  hint: the statuses are proposed, reviewing, accepted',
      ],
      [
        ['ship01', '--status', 'rejected'],
        'ideas: a rejected decision needs --rationale, and stdin is not a terminal, so ideas cannot ask\n  hint: pass --rationale on the command line\n',
      ],
      [
        ['ship01', '--status', 'duplicate', '--rationale', 'x'],
        'ideas: a duplicate decision needs the idea that takes its place\n  hint: pass --duplicate-of ID\n',
      ],
      [
        ['ship01', '--status', 'duplicate', '--rationale', 'x', '--duplicate-of', 'ship01'],
        'ideas: an idea cannot duplicate itself',
      ],
      [
        ['ship01', '--status', 'duplicate', '--rationale', 'x', '--duplicate-of', 'nothere'],
        'ideas: there is no idea "nothere" for --duplicate-of',
      ],
      [
        ['ship01', '--status', 'reviewing', '--duplicate-of', 'price01'],
        'ideas: --duplicate-of only goes with --status duplicate\n',
      ],
      [
        ['ship01', '--status', 'reviewing', '--score', 'reach=3'],
        'ideas: "reach" is not a review criterion\n  hint: the criteria are impact, feasibility',
      ],
      [
        ['ship01', '--status', 'reviewing', '--score', 'impact=high'],
        'ideas: --score takes criterion=number, not "impact=high"\n',
      ],
      [
        ['ship01', '--status', 'reviewing', '--reviewer', 'bob'],
        'ideas: "bob" is not a reviewer\n  hint: reviewers are carol, dave\n',
      ],
      [['nothere', '--status', 'reviewing'], 'ideas: there is no idea "nothere"\n'],
    ];
    for (const [args, message] of cases) {
      const result = await review(root, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
    const member = makeIdeasRepo('bob@example.com');
    const notReviewer = await review(member, 'ship01', '--status', 'reviewing');
    expect(notReviewer.code).toBe(2);
    expect(notReviewer.stderr).toBe(
      'ideas: bob is not a reviewer, and only reviewers record decisions\n  hint: ask one of carol, dave\n',
    );
    const author = makeIdeasRepo('alice@example.com');
    const authorReview = await review(author, 'ship01', '--status', 'reviewing');
    expect(authorReview.stderr).toContain('(as an author you may withdraw it: --status withdrawn)');
    const missing = await runCli(['review', 'ship01'], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--status <status>' not specified");
    for (const r of [root, member, author]) expect(git(r, 'status', '--porcelain')).toBe('');
  });

  it('refuses a decision dated before the idea was created (validate catches what the command does not)', async () => {
    const root = makeIdeasRepo('carol@example.com');
    const result = await runCli(['review', 'ship01', '--status', 'reviewing'], {
      cwd: root,
      env: { IDEAS_TODAY: '2026-10-01' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'this decision would not pass "ideas validate", so nothing was written:\n  decision/date  date 2026-10-01 is before the idea was created (2026-11-01)\n',
    );
    expect(decisions(root, 'ship01')).toEqual([]);
  });
});

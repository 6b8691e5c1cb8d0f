/** `ideas list`, `ideas show` and `ideas queue` on the hand-built repository. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';
import { handBuiltTree, ideaFile, voteFile } from './fixture.js';

const repo = () => makeRepo(handBuiltTree(), { git: false });

describe('ideas list', () => {
  it('lists every status, newest first, in a table', async () => {
    const result = await runCli(['list'], { cwd: repo() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'id     created     status     team        votes  title',
        'dupe   2026-01-04  duplicate  sales           0  Idea dupe',
        'delta  2026-01-03  proposed                   0  Idea delta',
        'eta    2026-01-03  reviewing                  0  Idea eta',
        'beta   2026-01-02  proposed   platform        2  Idea beta',
        'alpha  2026-01-01  proposed   sales           3  Idea alpha',
        'gamma  2026-01-01  proposed   commercial      2  Idea gamma',
        'theme  2025-12-01  proposed                   0  ▸ Ship faster',
        'old    2025-06-01  shipped                    1  Idea old',
        '8 ideas',
        '',
      ].join('\n'),
    );
  });

  it('sorts by id, filters as rank does, and prints JSON', async () => {
    const result = await runCli(['list', '--sort', 'id', '--team', 'company', '--format', 'json'], {
      cwd: repo(),
    });
    const rows = JSON.parse(result.stdout) as { id: string }[];
    expect(rows.map((row) => row.id)).toEqual(['alpha', 'beta', 'dupe', 'gamma']);
    expect(rows[0]).toEqual({
      schema: 2,
      id: 'alpha',
      title: 'Idea alpha',
      kind: 'idea',
      status: 'proposed',
      team: 'sales',
      authors: ['erin'],
      created: '2026-01-01',
      tags: ['x', 'y'],
      campaign: null,
      parent: 'theme',
      votes: 3,
      points: 3,
      path: 'ideas/alpha-idea.md',
    });
  });
});

describe('ideas show', () => {
  it('renders the idea, its decisions, votes with comments, customers, theme and similar ideas', async () => {
    const result = await runCli(['show', 'alpha'], { cwd: repo() });
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out.startsWith('Idea alpha\nalpha  proposed\n')).toBe(true);
    expect(out).toContain('theme      theme  Ship faster');
    expect(out).toContain('support    3 voters, 3 points');
    expect(out).toContain('Decisions (0)\n  none yet');
    expect(out).toContain('Votes (4)');
    expect(out).toContain('2026-11-14  bob  +1\n    Two accounts asked.');
    expect(out).toContain('2026-10-01  bob  +1 (on duplicate dupe)');
    expect(out).toContain('Customers\n  acme (2), globex (1)');
    expect(out).toContain('Duplicates folded in: dupe');
    expect(out).not.toContain('Similar ideas');
  });

  it('names similar ideas', async () => {
    const root = makeRepo(
      {
        ...handBuiltTree(),
        ...ideaFile({ id: 'ship1', created: '2026-02-01', title: 'Offer overnight shipping' }),
        ...ideaFile({ id: 'ship2', created: '2026-02-02', title: 'Overnight shipping offer' }),
      },
      { git: false },
    );
    const result = await runCli(['show', 'ship1'], { cwd: root });
    expect(result.stdout).toMatch(/ {2}ship2 {2}0\.\d\d {2}proposed {5}Overnight shipping offer\n/);
    const json = await runCli(['show', 'ship1', '--format', 'json'], { cwd: root });
    expect(JSON.parse(json.stdout).similar).toEqual([
      { id: 'ship2', title: 'Overnight shipping offer', score: expect.any(Number) },
    ]);
  });

  it('shows the decision history of a closed idea, and a theme’s ideas', async () => {
    const closed = await runCli(['show', 'dupe'], { cwd: repo() });
    expect(closed.stdout).toContain('dupe  duplicate  (votes count for alpha)');
    expect(closed.stdout).toContain('2026-11-20  duplicate of alpha  by carol\n    Because.');
    const theme = await runCli(['show', 'theme'], { cwd: repo() });
    expect(theme.stdout).toContain(
      'Ideas under this theme (2)\n  alpha  proposed     Idea alpha\n  beta   proposed     Idea beta',
    );
  });

  it('--format json', async () => {
    const result = await runCli(['show', 'alpha', '--format', 'json'], { cwd: repo() });
    const data = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(data).toMatchObject({
      schema: 2,
      id: 'alpha',
      status: 'proposed',
      countsFor: null,
      votes: 3,
      points: 3,
      decisions: [],
      customers: [
        { name: 'acme', votes: 2 },
        { name: 'globex', votes: 1 },
      ],
      duplicates: ['dupe'],
      children: [],
    });
    expect((data.voteRecords as unknown[]).length).toBe(4);
  });

  it('an unknown id is a usage error that says what to run', async () => {
    const result = await runCli(['show', 'zzz'], { cwd: repo() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('there is no idea "zzz"');
    expect(result.stderr).toContain('ideas list');
  });

  it('neutralises escape sequences in comments', async () => {
    const root = makeRepo(
      {
        ...handBuiltTree(),
        ...voteFile('alpha', 'mallory', '2026-11-20', 1, {
          comment: 'fine\u001b[2J\u001b]8;;http://evil\u0007click\u001b]8;;\u0007 idea',
        }),
      },
      { git: false },
    );
    const result = await runCli(['show', 'alpha'], { cwd: root, tty: true });
    // eslint-disable-next-line no-control-regex
    expect(result.stdout).not.toMatch(/\u001b|\u0007/);
    expect(result.stdout).toContain('fine');
  });
});

describe('ideas queue', () => {
  it('lists reviewing ideas and proposed ones over the threshold, oldest first, stale marked', async () => {
    const result = await runCli(['queue'], { cwd: repo() });
    expect(result.code).toBe(0);
    // threshold 2: alpha (3), gamma (2), beta (2) qualify; eta is in review since 2026-10-01.
    expect(result.stdout).toBe(
      [
        'id     status     since       days         votes  title',
        'alpha  proposed   2026-01-01   327  STALE      3  Idea alpha',
        'gamma  proposed   2026-01-01   327  STALE      2  Idea gamma',
        'beta   proposed   2026-01-02   326  STALE      2  Idea beta',
        'eta    reviewing  2026-10-01    54  STALE      0  Idea eta',
        '4 waiting, 4 stale (no decision for over 30 days)',
        'queue: reviewing, or proposed with 2+ voters',
        '',
      ].join('\n'),
    );
  });

  it('--format json, and a fresh idea is not stale', async () => {
    const result = await runCli(['queue', '--format', 'json'], {
      cwd: repo(),
      env: { IDEAS_TODAY: '2026-10-20' },
    });
    const rows = JSON.parse(result.stdout) as {
      id: string;
      waitingDays: number;
      stale: boolean;
    }[];
    // No git history in this fixture: the dates come from front matter (and stderr says so).
    expect(rows.find((row) => row.id === 'eta')).toEqual({
      schema: 2,
      id: 'eta',
      title: 'Idea eta',
      path: 'ideas/eta-idea.md',
      status: 'reviewing',
      team: null,
      votes: 0,
      points: 0,
      waitingSince: '2026-10-01',
      waitingDays: 19,
      stale: false,
    });
    expect(result.stderr).toContain('dated from front matter');
  });
});

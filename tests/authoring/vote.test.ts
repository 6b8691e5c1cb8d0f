import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CONFIG, OTHER_BODY, TREE, idea, makeIdeasRepo } from '../helpers/authoring.js';
import { git } from '../helpers/repo.js';

const VOTING_TREE = {
  ...TREE,
  'ideas/dup01-overnight-delivery.md': idea('dup01', 'Overnight delivery', '', OTHER_BODY),
  'decisions/dup01/2026-11-10-duplicate.md':
    '---\nidea: dup01\nstatus: duplicate\ndate: 2026-11-10\nreviewers: [carol]\nduplicate_of: ship01\n---\nSame as ship01.\n',
  'ideas/camp01-missed.md': idea(
    'camp01',
    'What we missed',
    'campaign: last-year\n',
    OTHER_BODY,
  ).replace('created: 2026-11-01', 'created: 2026-01-10'),
  // bob has spent 4 of his 5 points.
  'votes/price01/bob.md': '---\nidea: price01\nvoter: bob\npoints: 4\ndate: 2026-11-20\n---\n',
};

async function vote(root: string, ...args: string[]) {
  return runCli(['vote', ...args], { cwd: root });
}

describe('ideas vote', () => {
  it('writes votes/<id>/<voter>.md for the person the git email maps to, and it validates', async () => {
    const root = makeIdeasRepo('carol@example.com', VOTING_TREE);
    const result = await vote(
      root,
      'ship01',
      '--points',
      '2',
      '--comment',
      'Three accounts asked.',
      '--customer',
      'acme',
      '--customer',
      'globex',
    );
    expect(result).toEqual({ code: 0, stdout: 'wrote votes/ship01/carol.md\n', stderr: '' });
    expect(readFileSync(join(root, 'votes/ship01/carol.md'), 'utf8')).toBe(
      '---\nidea: ship01\nvoter: carol\npoints: 2\ndate: 2026-11-24\ncustomers: [acme, globex]\n---\nThree accounts asked.\n',
    );
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  it('updates a vote in place, keeping comments, field order and the body', async () => {
    const root = makeIdeasRepo('carol@example.com', {
      ...VOTING_TREE,
      'votes/ship01/carol.md':
        '---\n# my vote\ndate: 2026-11-20   # first time\nvoter: carol\nidea: ship01\npoints: 1\ncustomers: [acme]\n---\nThey keep asking.\n',
    });
    const result = await vote(
      root,
      'ship01',
      '--points',
      '3',
      '--customer',
      'initech',
      '--customer',
      'acme',
      '--format',
      'json',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      schema: 1,
      id: 'ship01',
      path: 'votes/ship01/carol.md',
    });
    expect(readFileSync(join(root, 'votes/ship01/carol.md'), 'utf8')).toBe(
      '---\n# my vote\ndate: 2026-11-24 # first time\nvoter: carol\nidea: ship01\npoints: 3\ncustomers: [acme, initech]\n---\nThey keep asking.\n',
    );
    // Without --points, the points stay.
    await vote(root, 'ship01', '--comment', 'New comment.');
    expect(readFileSync(join(root, 'votes/ship01/carol.md'), 'utf8')).toContain('points: 3\n');
    expect(readFileSync(join(root, 'votes/ship01/carol.md'), 'utf8')).toMatch(
      /---\nNew comment\.\n$/,
    );
  });

  it('prints the path from where the user stands', async () => {
    const root = makeIdeasRepo('carol@example.com', VOTING_TREE);
    const result = await runCli(['vote', 'ship01'], { cwd: join(root, 'ideas') });
    expect(result.stdout).toBe('wrote ../votes/ship01/carol.md\n');
  });

  it('--retract removes the vote, and refuses when there is none', async () => {
    const root = makeIdeasRepo('bob@example.com', VOTING_TREE);
    expect(await vote(root, 'price01', '--retract')).toEqual({
      code: 0,
      stdout: 'removed votes/price01/bob.md\n',
      stderr: '',
    });
    expect(existsSync(join(root, 'votes/price01/bob.md'))).toBe(false);
    const none = await vote(root, 'price01', '--retract');
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('ideas: there is no vote by bob for "price01" to retract\n');
  });

  it('lets a reviewer record a vote for someone else, marked recorded_by; refuses --as from others', async () => {
    const reviewer = makeIdeasRepo('dave@example.com', VOTING_TREE);
    const recorded = await vote(reviewer, 'ship01', '--as', 'bob', '--points', '1');
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(readFileSync(join(reviewer, 'votes/ship01/bob.md'), 'utf8')).toContain(
      'voter: bob\npoints: 1\ndate: 2026-11-24\nrecorded_by: dave\n',
    );
    expect((await runCli(['validate'], { cwd: reviewer })).code).toBe(0);

    const member = makeIdeasRepo('bob@example.com', VOTING_TREE);
    const refused = await vote(member, 'ship01', '--as', 'carol');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'ideas: only reviewers record votes for others, and bob is not a reviewer\n  hint: ask carol to run "ideas vote ship01" themselves\n',
    );
  });

  it('refuses, with the reason and the way out, every vote validate would reject', async () => {
    const root = makeIdeasRepo('bob@example.com', VOTING_TREE);
    const cases: [string[], string][] = [
      [['nothere'], 'ideas: there is no idea "nothere"\n  hint: check the id with "ideas list"'],
      [['Not-An-Id'], 'ideas: "Not-An-Id" is not an idea id'],
      [
        ['dup01'],
        'ideas: "dup01" is duplicate since 2026-11-10: a closed idea takes no votes\n  hint: vote for ship01 instead: ideas vote ship01\n',
      ],
      [
        ['ship01', '--points', '2'],
        'ideas: this vote costs 2 points and bob has 1 left of the budget of 5\n  hint: vote with fewer points (--points), or retract another vote first\n',
      ],
      [
        ['ship01', '--points', '6'],
        'ideas: cannot vote 6 points: 6 points is more than the budget of 5\n',
      ],
      [
        ['ship01', '--points', '-1'],
        'ideas: cannot vote -1 points: downvotes are off in this repository: use a positive number of points\n',
      ],
      [['ship01', '--points', '0'], 'a vote of 0 points says nothing: retract the vote instead'],
      [['ship01', '--points', '1.5'], 'ideas: --points takes a whole number, not "1.5"\n'],
      [
        ['camp01'],
        'ideas: the campaign "last-year" of "camp01" closed on 2026-01-31: it takes no new votes\n',
      ],
    ];
    for (const [args, message] of cases) {
      const result = await vote(root, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
    const author = makeIdeasRepo('alice@example.com', VOTING_TREE);
    const self = await vote(author, 'ship01');
    expect(self.code).toBe(2);
    expect(self.stderr).toBe(
      'ideas: alice is an author of "ship01", and self-votes are off in this repository\n  hint: vote for someone else\'s idea, or ask for voting.self_votes: true in ideas.config.yaml\n',
    );
    const stranger = makeIdeasRepo('eve@elsewhere.org', VOTING_TREE);
    const unmapped = await vote(stranger, 'ship01');
    expect(unmapped.code).toBe(2);
    expect(unmapped.stderr).toContain(
      'your git email eve@elsewhere.org is not under people in ideas.config.yaml',
    );
    for (const root2 of [root, author, stranger])
      expect(git(root2, 'status', '--porcelain')).toBe('');
  });

  it('quadratic voting: says what the points cost', async () => {
    const root = makeIdeasRepo('bob@example.com', {
      ...VOTING_TREE,
      'ideas.config.yaml': CONFIG.replace('mode: budget, budget: 5', 'mode: quadratic, budget: 20'),
    });
    const result = await vote(root, 'ship01', '--points', '3');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'this vote costs 9 points and bob has 4 left of the budget of 20 (n points cost n²)',
    );
    expect((await vote(root, 'ship01', '--points', '2')).code).toBe(0);
  });

  it('simple voting takes one point; without people, the voter is the email local part', async () => {
    const root = makeIdeasRepo('frank.smith@example.com', {
      ...TREE,
      'ideas.config.yaml': 'version: 1\nteams: {sales: {}}\n',
    });
    const two = await vote(root, 'ship01', '--points', '2');
    expect(two.stderr).toBe(
      'ideas: cannot vote 2 points: simple voting takes 1 point per vote, not 2\n',
    );
    const result = await vote(root, 'ship01');
    expect(result.stdout).toBe('wrote votes/ship01/frank.smith.md\n');
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  it('an unreadable vote file is rewritten whole rather than half-edited', async () => {
    const root = makeIdeasRepo('carol@example.com', {
      ...VOTING_TREE,
      'votes/ship01/carol.md': 'no front matter here\n',
    });
    const result = await vote(root, 'ship01');
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(root, 'votes/ship01/carol.md'), 'utf8')).toBe(
      '---\nidea: ship01\nvoter: carol\npoints: 1\ndate: 2026-11-24\n---\n',
    );
  });
});

describe('writing safely', () => {
  it('never writes through a symbolic link out of the repository', async () => {
    const { symlinkSync, readdirSync } = await import('node:fs');
    const { tempDir } = await import('../helpers/repo.js');
    const root = makeIdeasRepo('carol@example.com', VOTING_TREE);
    const outside = tempDir();
    symlinkSync(outside, join(root, 'votes', 'ship01'));
    const result = await vote(root, 'ship01');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'votes/ship01 is a symbolic link, and ideas does not write through links',
    );
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses to replace a vote file it cannot read (binary)', async () => {
    const root = makeIdeasRepo('carol@example.com', {
      ...VOTING_TREE,
      'votes/ship01/carol.md': 'not\u0000text\n',
    });
    const result = await vote(root, 'ship01');
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('internal error');
    expect(readFileSync(join(root, 'votes/ship01/carol.md'), 'utf8')).toBe('not\u0000text\n');
  });
});

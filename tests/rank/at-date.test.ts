/**
 * `rank --at DATE`: the ranking as the current branch stood at the end of that day, read from
 * git history with the checkout untouched. Commits carry set dates so every case is exact.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { GIT_ENV, commitAll, git, makeRepo, tempDir, writeTree } from '../helpers/repo.js';
import { configFile, decisionFile, ideaFile, voteFile } from './fixture.js';

function historyRepo(): string {
  const root = makeRepo(
    {
      ...configFile(),
      ...ideaFile({ id: 'alpha', created: '2026-08-01' }),
      ...ideaFile({ id: 'gamma', created: '2026-08-02' }),
      ...voteFile('alpha', 'ann', '2026-09-01'),
    },
    { commit: false },
  );
  commitAll(root, 'first ideas', '2026-09-01T10:00:00Z');
  writeTree(root, {
    ...voteFile('gamma', 'ann', '2026-10-15'),
    ...voteFile('gamma', 'ben', '2026-10-15'),
    ...voteFile('gamma', 'cat', '2026-10-15'),
  });
  commitAll(root, 'votes for gamma', '2026-10-15T12:00:00Z');
  writeTree(root, decisionFile('alpha', '2026-11-20', 'rejected', { rationale: 'Not now.' }));
  commitAll(root, 'reject alpha', '2026-11-20T09:00:00Z');
  return root;
}

async function rankIds(root: string, ...flags: string[]): Promise<string[]> {
  const result = await runCli(['rank', '--format', 'json', ...flags], { cwd: root });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { id: string; votes: number }[]).map(
    (row) => `${row.id}:${row.votes}`,
  );
}

describe('rank --at', () => {
  it('reads the last commit on or before the end of that day', async () => {
    const root = historyRepo();
    expect(await rankIds(root, '--at', '2026-09-30')).toEqual(['alpha:1', 'gamma:0']);
    expect(await rankIds(root, '--at', '2026-10-14')).toEqual(['alpha:1', 'gamma:0']);
    expect(await rankIds(root, '--at', '2026-10-15')).toEqual(['gamma:3', 'alpha:1']);
    expect(await rankIds(root, '--at', '2026-11-19')).toEqual(['gamma:3', 'alpha:1']);
    expect(await rankIds(root)).toEqual(['gamma:3']);
  });

  it('leaves the checkout alone: HEAD, index and uncommitted files', async () => {
    const root = historyRepo();
    writeTree(root, voteFile('alpha', 'dan', '2026-11-23'));
    const head = git(root, 'rev-parse', 'HEAD');
    const status = git(root, 'status', '--porcelain');
    expect(await rankIds(root, '--at', '2026-09-30', '--status', 'all')).toEqual([
      'alpha:1',
      'gamma:0',
    ]);
    expect(git(root, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(root, 'status', '--porcelain')).toBe(status);
    // The working tree still has dan's uncommitted vote.
    expect(await rankIds(root, '--status', 'all')).toEqual(['gamma:3', 'alpha:2']);
  });

  it('measures hot from the --at day, not from today', async () => {
    const root = historyRepo();
    const result = await runCli(['rank', '--at', '2026-09-11', '--by', 'hot', '--format', 'json'], {
      cwd: root,
    });
    // ann's vote of 2026-09-01 is 10 days old on 2026-09-11: one half-life (10 days).
    expect((JSON.parse(result.stdout) as { score: number }[])[0]?.score).toBe(0.5);
  });

  it('follows first parents: a merged branch counts from its merge, not its commit dates', async () => {
    const root = historyRepo();
    git(root, 'checkout', '-q', '-b', 'idea/x', 'HEAD~2');
    writeTree(root, voteFile('gamma', 'dan', '2026-09-10'));
    commitAll(root, 'dan votes', '2026-09-10T08:00:00Z');
    git(root, 'checkout', '-q', 'main');
    execFileSync('git', ['merge', '-q', '--no-ff', '-m', 'merge dan', 'idea/x'], {
      cwd: root,
      env: { ...process.env, ...GIT_ENV, GIT_COMMITTER_DATE: '2026-11-21T08:00:00Z' },
    });
    expect(await rankIds(root, '--at', '2026-09-30')).toEqual(['alpha:1', 'gamma:0']);
    expect(await rankIds(root, '--at', '2026-11-21')).toEqual(['gamma:4']);
    // --ref picks the branch to walk: on idea/x, dan's vote is there on 2026-09-10.
    expect(await rankIds(root, '--at', '2026-09-30', '--ref', 'idea/x')).toEqual([
      'alpha:1',
      'gamma:1',
    ]);
  });

  it('says when there is no history that early, or the date is not a date (exit 2)', async () => {
    const root = historyRepo();
    const early = await runCli(['rank', '--at', '2026-08-01'], { cwd: root });
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('there is no commit on HEAD on or before 2026-08-01');
    expect(early.stderr).toContain('its history starts on 2026-09-01');
    const bad = await runCli(['rank', '--at', 'last week'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--at last week: not a date (YYYY-MM-DD), a date and time (YYYY-MM-DDTHH:MMZ) or a commit',
    );
  });

  it('refuses a shallow clone and says how to fetch the history (exit 3)', async () => {
    const root = historyRepo();
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, clone]);
    const result = await runCli(['rank', '--at', '2026-10-01'], { cwd: clone });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('shallow');
    expect(result.stderr).toContain('fetch-depth: 0');
  });
});

describe('rank --at on the demo repository', () => {
  it('reproduces the ranking of a checkout of that day', async () => {
    const dir = join(tempDir(), 'demo');
    const demo = await runCli(['demo', '--dir', dir], { cwd: tempDir() });
    expect(demo.code).toBe(0);
    const day = '2026-08-15';
    // The expected commit, found independently of the code under test.
    const end = Date.parse(`${day}T23:59:59Z`);
    const commit = git(dir, 'log', '--first-parent', '--format=%H %cI')
      .trim()
      .split('\n')
      .map((line) => line.split(' ') as [string, string])
      .find(([, date]) => Date.parse(date) <= end)?.[0];
    expect(commit).toBeDefined();
    const checkout = join(tempDir(), 'then');
    git(dir, 'worktree', 'add', '-q', '--detach', checkout, commit!);
    const then = await runCli(['rank', '--format', 'json', '--by', 'hot'], {
      cwd: checkout,
      env: { IDEAS_TODAY: day },
    });
    const at = await runCli(['rank', '--format', 'json', '--by', 'hot', '--at', day], {
      cwd: dir,
    });
    expect(at.code).toBe(0);
    expect(at.stdout).toBe(then.stdout);
    const now = await runCli(['rank', '--format', 'json', '--by', 'hot'], { cwd: dir });
    expect(at.stdout).not.toBe(now.stdout);
    expect((JSON.parse(at.stdout) as unknown[]).length).toBeGreaterThan(3);
  });
});

/**
 * `ideas changes` on a real history built commit by commit at set dates (tests/helpers/
 * report-fixture.ts), each figure worked out by hand from that history, including a window
 * that spans a merged branch.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Changes } from '../src/history/changes.js';
import { runBinary, runCli } from './helpers/cli.js';
import { git, GIT_ENV, tempDir } from './helpers/repo.js';
import { buildHistoryRepo, commitOn, decision, idea, vote } from './helpers/report-fixture.js';

async function changes(root: string, ...args: string[]) {
  const result = await runCli(['changes', '--format', 'json', ...args], { cwd: root });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Changes & { schema: number };
}

describe('ideas changes', () => {
  it('February: one status change each for aaa1 and bbb2, nothing else', async () => {
    const root = buildHistoryRepo();
    const c = await changes(root, '--since', '2026-02-01', '--until', '2026-02-28');
    expect(c.schema).toBe(1);
    expect(c.arrived).toEqual([]);
    // aaa1 reviewing -> accepted and bbb2 proposed -> rejected, both on 2026-02-10.
    expect(c.statusChanges.map((s) => `${s.id} ${s.from}->${s.to} ${s.date}`)).toEqual([
      'aaa1 reviewing->accepted 2026-02-10',
      'bbb2 proposed->rejected 2026-02-10',
    ]);
    expect(c.statusChanges[1]?.rationale).toBe('Because we looked at it closely.');
    expect(c.statusChanges[1]?.reviewers).toEqual(['rev']);
    expect(c.totals.votesCast).toBe(0);
  });

  it('January, from the start of the 11th: ccc3 arrives, three votes, one status change', async () => {
    const root = buildHistoryRepo();
    const c = await changes(root, '--since', '2026-01-11', '--until', '2026-01-31', '--voters');
    // The 01-11 commit (aaa1 -> reviewing) is inside: --since starts at the start of the day.
    expect(c.statusChanges.map((s) => `${s.id} ${s.to}`)).toEqual(['aaa1 reviewing']);
    expect(c.arrived.map((i) => i.id)).toEqual(['ccc3']);
    expect(c.votes.map((v) => [v.id, v.cast, v.voters?.cast])).toEqual([
      ['aaa1', 2, ['ben', 'cat']],
      ['bbb2', 1, ['eve']],
    ]);
    expect(c.totals).toMatchObject({ arrived: 1, statusChanges: 1, votesCast: 3 });
  });

  it('a window from before the first commit counts everything as arrived', async () => {
    const root = buildHistoryRepo();
    const c = await changes(root, '--since', '2025-01-01', '--until', '2026-01-05');
    expect(c.since.commit).toBeNull();
    expect(c.arrived.map((i) => i.id)).toEqual(['aaa1', 'bbb2']);
  });

  it('commits as window edges, and retracted and changed votes', async () => {
    const root = buildHistoryRepo();
    const start = git(root, 'rev-parse', 'HEAD').trim();
    rmSync(join(root, 'votes/ddd4/ann.md'));
    commitOn(root, '2026-10-05', {
      'votes/ddd4/ben.md':
        '---\nidea: ddd4\nvoter: ben\npoints: 1\ndate: 2025-06-01\ncustomers: [Globex]\n---\n',
    });
    const c = await changes(root, '--since', start, '--voters');
    expect(c.since.commit).toBe(start);
    expect(c.votes).toEqual([
      expect.objectContaining({
        id: 'ddd4',
        cast: 0,
        changed: 1,
        retracted: 1,
        pointsDelta: -1,
        voters: { cast: [], changed: ['ben'], retracted: ['ann'] },
      }),
    ]);
  });

  it('a merged branch counts from its merge, not from when its commit was written', async () => {
    const root = buildHistoryRepo();
    git(root, 'checkout', '-q', '-b', 'idea/eee5');
    commitOn(root, '2026-10-10', {
      ...idea('eee5', { title: 'Night shift rota', authors: ['cat'] }),
      ...vote('eee5', 'dan'),
    });
    git(root, 'checkout', '-q', 'main');
    commitOn(root, '2026-10-20', decision('ddd4', '2026-10-20', 'reviewing'));
    execFileSync('git', ['merge', '-q', '--no-ff', 'idea/eee5', '-m', 'Merge eee5'], {
      cwd: root,
      env: {
        ...process.env,
        ...GIT_ENV,
        GIT_AUTHOR_DATE: '2026-11-02T12:00:00Z',
        GIT_COMMITTER_DATE: '2026-11-02T12:00:00Z',
      },
    });
    const october = await changes(root, '--since', '2026-10-05', '--until', '2026-10-31');
    expect(october.arrived).toEqual([]);
    expect(october.statusChanges.map((s) => s.id)).toEqual(['ddd4']);
    const november = await changes(root, '--since', '2026-11-01', '--until', '2026-11-30');
    expect(november.arrived.map((i) => i.id)).toEqual(['eee5']);
    expect(november.votes.map((v) => [v.id, v.cast])).toEqual([['eee5', 1]]);
  });

  it('--for keeps the ideas a person wrote, voted for or decided on', async () => {
    const root = buildHistoryRepo();
    // Whole history: ann wrote aaa1 and voted for ccc3 and ddd4; bbb2 is not hers.
    const c = await changes(root, '--since', '2025-01-01', '--for', 'ann');
    expect(c.forHandle).toBe('ann');
    expect(c.arrived.map((i) => i.id)).toEqual(['aaa1', 'ccc3', 'ddd4']);
    expect(c.statusChanges.every((s) => s.id !== 'bbb2')).toBe(true);
  });

  it('text and Markdown say the same, escaped', async () => {
    const root = buildHistoryRepo();
    commitOn(
      root,
      '2026-11-10',
      idea('fff6', { title: 'Pipes | and <b>tags</b>', authors: ['ann'] }),
    );
    const md = await runCli(['changes', '--since', '2026-11-01', '--format', 'md'], { cwd: root });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('### New ideas');
    expect(md.stdout).toContain('Pipes \\| and \\<b\\>tags\\</b\\>');
    const text = await runCli(['changes', '--since', '2026-11-01'], { cwd: root });
    expect(text.stdout).toContain('1 new idea, 0 status changes');
    expect(text.stdout).toContain('fff6  Pipes | and <b>tags</b>  by ann');
  });

  it('refuses a date that does not exist and a --for that is not a handle', async () => {
    const root = buildHistoryRepo();
    const bad = await runCli(['changes', '--since', '2026-02-30'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('there is no such day');
    const who = await runCli(['changes', '--for', '--x'], { cwd: root });
    expect(who.code).toBe(2);
  });
});

describe('ideas changes reads each commit once', () => {
  it('reads a window inside one commit once, for both ends (built binary)', () => {
    const root = buildHistoryRepo();
    const trace = join(tempDir(), 'trace');
    // After the last commit of the history (10-01): both ends stand at that commit.
    const result = runBinary(['changes', '--since', '2026-11-01', '--until', '2026-11-20'], {
      cwd: root,
      env: { GIT_TRACE: trace },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nothing happened in this window.');
    const logs = readFileSync(trace, 'utf8')
      .split('\n')
      .filter((line) => /built-in: git log\b.*--diff-filter=A/.test(line));
    expect(logs).toHaveLength(1);
  });
});

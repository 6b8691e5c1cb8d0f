/**
 * Where the report's dates come from: the commit that landed a file on the main line (a merge
 * counts from the merge, first parent only), front matter when git cannot say, and a note that
 * says which and why.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary, runCli } from './helpers/cli.js';
import { commitAll, git, GIT_ENV, makeRepo, tempDir, writeTree } from './helpers/repo.js';
import { CONFIG, buildHistoryRepo, commitOn, decision, idea } from './helpers/report-fixture.js';
import { parseAddedLog, readFileHistory } from '../src/git/file-history.js';
import type { Report } from '../src/report/report.js';

async function reportOf(root: string, ...args: string[]) {
  const result = await runCli(['report', '--format', 'json', ...args], { cwd: root });
  expect(result.code).toBe(0);
  return { report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

describe('dates from git history', () => {
  it('dates a merged branch from its merge commit on the main line', async () => {
    const root = makeRepo({}, { commit: false });
    commitOn(root, '2026-01-01', {
      'ideas.config.yaml': CONFIG,
      ...idea('aaa1', { title: 'First', authors: ['ann'] }),
    });
    git(root, 'checkout', '-q', '-b', 'idea/bbb2');
    commitOn(root, '2026-02-01', idea('bbb2', { title: 'Second', authors: ['ben'] }));
    git(root, 'checkout', '-q', 'main');
    execFileSync('git', ['merge', '-q', '--no-ff', 'idea/bbb2', '-m', 'Merge idea bbb2'], {
      cwd: root,
      env: {
        ...process.env,
        ...GIT_ENV,
        GIT_AUTHOR_DATE: '2026-03-01T12:00:00Z',
        GIT_COMMITTER_DATE: '2026-03-01T12:00:00Z',
      },
    });
    commitOn(root, '2026-03-11', decision('bbb2', '2026-03-11', 'reviewing'));

    const history = readFileHistory({ cwd: root, env: process.env });
    expect(history.added.get('ideas/bbb2-second.md')).toBe('2026-03-01');
    expect(history.added.get('ideas/aaa1-first.md')).toBe('2026-01-01');
    const { report } = await reportOf(root);
    // Arrived with the merge on 03-01, decided 03-11: 10 days, not 38 from the branch commit.
    expect(report.latency.firstDecision).toEqual({ count: 1, median: 10, p90: 10 });
  });

  it('dates a renamed idea by its first path, a path the repository no longer has', async () => {
    const root = makeRepo({}, { commit: false });
    commitOn(root, '2026-01-01', {
      'ideas.config.yaml': CONFIG,
      ...idea('aaa1', { title: 'First', authors: ['ann'] }),
      'votes/aaa1/ben.md': '---\nidea: aaa1\nvoter: ben\ndate: 2026-01-01\n---\n',
    });
    git(root, 'mv', 'ideas/aaa1-first.md', 'ideas/aaa1-renamed.md');
    git(root, 'rm', '-q', 'votes/aaa1/ben.md');
    commitOn(root, '2026-02-01', {});
    commitOn(root, '2026-03-01', decision('aaa1', '2026-03-01', 'reviewing'));
    const { report } = await reportOf(root);
    expect(report.dates.source).toBe('git');
    // From the first path's day (01-01), not the rename's (02-01): 59 days to the decision.
    expect(report.latency.firstDecision).toEqual({ count: 1, median: 59, p90: 59 });
  });

  it('falls back to front matter for uncommitted files and says so', async () => {
    const root = buildHistoryRepo();
    writeTree(root, idea('zzz9', { title: 'Not committed yet', authors: ['ann'] }));
    const { report, stderr } = await reportOf(root);
    expect(report.dates.source).toBe('mixed');
    expect(report.dates.fallbacks).toEqual({ ideas: 1, votes: 0, decisions: 0 });
    expect(report.dates.fallbackFiles).toEqual(['ideas/zzz9-not-committed-yet.md']);
    expect(report.dates.note).toContain('1 idea dated from front matter');
    expect(report.dates.note).toContain('not yet committed');
    expect(stderr).toContain('note: 1 idea dated from front matter');
    // Its front-matter date (2025-06-01) counts: June 2025 has one new idea.
    expect(report.trends.find((m) => m.month === '2025-06')?.ideas).toBe(1);
  });

  it('reads the history of --ref, and every date at a ref comes from git', async () => {
    const root = buildHistoryRepo();
    writeTree(root, idea('zzz9', { title: 'Not committed yet', authors: ['ann'] }));
    const { report } = await reportOf(root, '--ref', 'main');
    expect(report.ref).toBe('main');
    expect(report.dates.source).toBe('git');
    expect(report.totals.ideas).toBe(4);
  });

  it('does not trust the boundary of a shallow clone, and says how to fix it', async () => {
    const origin = buildHistoryRepo();
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${origin}`, clone], {
      env: { ...process.env, ...GIT_ENV },
    });
    const history = readFileHistory({ cwd: clone, env: process.env });
    expect(history.shallow).toBe(true);
    // The last commit (10-01) is inside the clone; everything from the boundary back is not.
    expect(history.added.get('ideas/ddd4-company-newsletter.md')).toBe('2026-10-01');
    expect(history.added.has('ideas/aaa1-faster-builds.md')).toBe(false);
    const { report } = await reportOf(clone);
    expect(report.dates.shallow).toBe(true);
    expect(report.dates.note).toContain('shallow clone');
    expect(report.dates.note).toContain('fetch-depth: 0');
  });

  it('dates files of an ideas root in a subfolder of a larger repository', async () => {
    const top = makeRepo({}, { commit: false });
    const root = join(top, 'product', 'ideas-repo');
    commitOn(top, '2026-01-01', {
      'README.md': 'a bigger project\n',
      'product/ideas-repo/ideas.config.yaml': CONFIG,
    });
    commitOn(root, '2026-02-01', idea('aaa1', { title: 'Nested', authors: ['ann'] }));
    commitOn(root, '2026-02-11', decision('aaa1', '2026-02-11', 'reviewing'));
    const { report } = await reportOf(root);
    expect(report.dates.source).toBe('git');
    expect(report.latency.firstDecision).toEqual({ count: 1, median: 10, p90: 10 });
  });

  it('works without git at all, from front matter alone', async () => {
    const root = makeRepo(
      {
        'ideas.config.yaml': CONFIG,
        ...idea('aaa1', { title: 'Alone', authors: ['ann'] }),
      },
      { git: false },
    );
    const { report } = await reportOf(root);
    expect(report.dates.source).toBe('front-matter');
    expect(report.dates.note).toContain('not a git repository');
  });

  it('parses the log with paths that hold spaces and a boundary commit', () => {
    const out = Buffer.from(
      '\x01p2\x022026-03-01\0\nideas/a b.md\0votes/x/y.md\0' +
        '\x01p1\x022026-02-01\0\nideas/a b.md\0' +
        '\x01\x022026-01-01\0\nideas/old.md\0',
    );
    expect([...parseAddedLog(out, false)]).toEqual([
      ['ideas/a b.md', '2026-02-01'],
      ['votes/x/y.md', '2026-03-01'],
      ['ideas/old.md', '2026-01-01'],
    ]);
    // Shallow: the parentless commit is the cut, so what it "added" has no known date.
    expect(parseAddedLog(out, true).has('ideas/old.md')).toBe(false);
  });

  it('keys each path as the caller says, and reads paths holding \\x01 or non-ASCII whole', () => {
    const out = Buffer.from(
      '\x01p1\x022026-03-01\0\nvotes/a\x01b/c.md\0ideas/é.md\0votes/gone/x.md\0' +
        '\x01p0\x022026-02-01\0\nideas/é.md\0',
    );
    const keyOf = (path: string) => (path.includes('gone') ? undefined : path.toUpperCase());
    expect([...parseAddedLog(out, false, keyOf)]).toEqual([
      ['VOTES/A\x01B/C.MD', '2026-03-01'],
      ['IDEAS/É.MD', '2026-02-01'],
    ]);
  });

  it('runs one git log for the whole history, however many files (built binary)', () => {
    const root = buildHistoryRepo();
    commitAll(root, 'nothing', '2026-11-01T12:00:00Z');
    const trace = join(tempDir(), 'trace');
    // The built binary, so that git inherits GIT_TRACE from a real process environment.
    const result = runBinary(['report', '--format', 'json'], {
      cwd: root,
      env: { GIT_TRACE: trace },
    });
    expect(result.code).toBe(0);
    const logs = readFileSync(trace, 'utf8')
      .split('\n')
      .filter((line) => /built-in: git log\b/.test(line));
    expect(logs).toHaveLength(1);
  });
});

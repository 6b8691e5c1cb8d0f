/**
 * `--at` on every read command reads a moment one way (a date, a date and time, a commit) and
 * gives what a checkout of that commit gives, on a history built at set dates.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { git, GIT_ENV, tempDir } from './helpers/repo.js';
import { buildHistoryRepo } from './helpers/report-fixture.js';

const COMMANDS: string[][] = [
  ['rank', '--format', 'json', '--status', 'all'],
  ['list', '--format', 'json'],
  ['show', 'aaa1', '--format', 'json'],
  ['queue', '--format', 'json'],
  ['report', '--format', 'json'],
  ['roadmap', '--format', 'json'],
  ['validate', '--format', 'json'],
  ['export', '--format', 'json'],
];

/** A clone of `root` checked out at its 2026-03-12 commit: aaa1 prototyping, ccc3 reviewing. */
function checkoutOfMarch12(root: string): { commit: string; checkout: string } {
  const commit = git(root, 'rev-list', '-1', '--before=2026-03-13T00:00:00Z', 'HEAD').trim();
  const checkout = join(tempDir(), 'checkout');
  execFileSync('git', ['clone', '-q', root, checkout], { env: { ...process.env, ...GIT_ENV } });
  git(checkout, 'checkout', '-q', commit);
  return { commit, checkout };
}

/** The report names what it read; a checkout reads the working tree. */
function comparable(text: string): unknown {
  const value = JSON.parse(text) as unknown;
  if (value && typeof value === 'object' && !Array.isArray(value) && 'ref' in value)
    return { ...value, ref: null };
  return value;
}

describe('--at on every read command', () => {
  it('equals a checkout of that commit, for a commit, a date and a date and time', async () => {
    const root = buildHistoryRepo();
    const { commit, checkout } = checkoutOfMarch12(root);
    for (const args of COMMANDS) {
      const there = await runCli(args, { cwd: checkout, env: { IDEAS_TODAY: '2026-03-12' } });
      expect(there.code, `${args.join(' ')} in the checkout: ${there.stderr}`).toBe(0);
      for (const at of [commit, '2026-03-12', '2026-03-12T23:00Z']) {
        const here = await runCli([...args, '--at', at], { cwd: root });
        expect(here.code, `${args.join(' ')} --at ${at}: ${here.stderr}`).toBe(0);
        expect(comparable(here.stdout), `${args.join(' ')} --at ${at}`).toEqual(
          comparable(there.stdout),
        );
      }
    }
  });

  it('index --at prints the IDEAS.md a checkout of that commit writes, and writes nothing', async () => {
    const root = buildHistoryRepo();
    const { commit, checkout } = checkoutOfMarch12(root);
    const written = await runCli(['index'], { cwd: checkout });
    expect(written.code, written.stderr).toBe(0);
    const there = readFileSync(join(checkout, 'IDEAS.md'), 'utf8');
    // At 03-12 ddd4 did not exist yet and aaa1 was prototyping.
    expect(there).toContain('## Prototyping (1)');
    expect(there).not.toContain('ddd4');
    for (const at of [commit, '2026-03-12', '2026-03-12T23:00Z']) {
      const here = await runCli(['index', '--at', at], { cwd: root });
      expect(here.code, here.stderr).toBe(0);
      expect(here.stdout, `index --at ${at}`).toBe(there);
    }
    expect(existsSync(join(root, 'IDEAS.md'))).toBe(false);
  });

  it('a date and time before the commit of that day reads the day before', async () => {
    const root = buildHistoryRepo();
    // Commits land at noon: at 11:00 on 03-12 aaa1 was still accepted.
    const show = await runCli(['show', 'aaa1', '--format', 'json', '--at', '2026-03-12T11:00Z'], {
      cwd: root,
    });
    expect((JSON.parse(show.stdout) as { status: string }).status).toBe('accepted');
  });

  it('refuses a moment that is no moment, and one before the first commit', async () => {
    const root = buildHistoryRepo();
    const bad = await runCli(['list', '--at', '2026-13-01'], { cwd: root });
    expect(bad.code).toBe(2);
    const early = await runCli(['queue', '--at', '2020-01-01'], { cwd: root });
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('there is no commit on HEAD on or before 2020-01-01');
  });
});

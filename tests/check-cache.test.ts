/**
 * `check` answered from the result cache (cli/commands/check.ts): its answer is named by the
 * two commits, the base as typed, the actor, the day and the format, so a second run on the
 * same commits is a lookup, and anything else is computed as without a cache. The built
 * binary, because only a build has a cache.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary } from './helpers/cli.js';
import { branchAs, commitAs, makeForge, voteText, type Forge } from './helpers/forge.js';
import { git, tempDir } from './helpers/repo.js';

const NO_FORGE_ACTOR = { GITHUB_ACTOR: '', GITLAB_USER_LOGIN: '', GITHUB_STEP_SUMMARY: '' };

/** A cached run's answer, whether it came from the cache, and the uncached answer it must equal. */
function checkBoth(forge: Forge, args: string[]) {
  const argv = ['check', '--base', 'origin/main', ...args];
  const cached = runBinary(argv, {
    cwd: forge.root,
    env: { ...NO_FORGE_ACTOR, IDEAS_CACHE_TRACE: '1' },
  });
  const fresh = runBinary(argv, {
    cwd: forge.root,
    env: { ...NO_FORGE_ACTOR, IDEAS_NO_CACHE: '1' },
  });
  expect(cached.stdout).toBe(fresh.stdout);
  expect(cached.code).toBe(fresh.code);
  return {
    stdout: cached.stdout,
    code: cached.code,
    hit: cached.stderr.includes('answered check from the result cache'),
  };
}

describe('check from the result cache', () => {
  it('answers the same commits from the cache, and computes anything it does not name', () => {
    const forge = makeForge();
    branchAs(forge, 'carol', 'pr', { 'votes/shipa1/carol.md': voteText('shipa1', 'carol') });
    const json = ['--actor', 'carol', '--format', 'json'];
    expect(checkBoth(forge, json).hit).toBe(false);
    const first = checkBoth(forge, json);
    expect(first).toMatchObject({ hit: true, code: 0 });

    // Another actor: a vote cast for someone else fails, and that failure is kept too.
    const other = ['--actor', 'dave', '--format', 'json'];
    const refused = checkBoth(forge, other);
    expect(refused).toMatchObject({ hit: false, code: 1 });
    expect(checkBoth(forge, other)).toMatchObject({ hit: true, code: 1, stdout: refused.stdout });

    // Another format prints another answer.
    expect(checkBoth(forge, ['--actor', 'carol']).hit).toBe(false);

    // A new commit on the branch: another head, computed, and it names the new vote.
    commitAs(
      forge.root,
      'erin',
      { 'votes/shipa1/erin.md': voteText('shipa1', 'erin') },
      'erin votes',
    );
    const moved = checkBoth(forge, json);
    expect(moved.hit).toBe(false);
    expect(moved.stdout).toContain('votes/shipa1/erin.md');

    // The base moved on: another base commit, computed.
    git(forge.root, 'checkout', '-q', 'main');
    commitAs(
      forge.root,
      'alice',
      { 'votes/shipa1/alice.md': voteText('shipa1', 'alice') },
      'alice',
    );
    git(forge.root, 'push', '-q', 'origin', 'main');
    git(forge.root, 'checkout', '-q', 'pr');
    expect(checkBoth(forge, json).hit).toBe(false);
    expect(checkBoth(forge, json).hit).toBe(true);
  });

  it('never answers a run that writes a summary from the cache: the summary is written each time', () => {
    const forge = makeForge();
    branchAs(forge, 'carol', 'pr', { 'votes/shipa1/carol.md': voteText('shipa1', 'carol') });
    const summary = join(tempDir('ideas-summary-'), 'summary.md');
    const args = ['--actor', 'carol', '--summary', summary];
    for (let run = 0; run < 2; run++) {
      rmSync(summary, { force: true });
      expect(checkBoth(forge, args).hit).toBe(false);
      expect(existsSync(summary)).toBe(true);
      expect(readFileSync(summary, 'utf8')).toContain('shipa1');
    }
  });
});

/**
 * `show` in the working tree answered from the result cache (cli/commands/show.ts): the key
 * names the files its first read lists, so any change there is a miss, and a corrupt or
 * foreign file is never trusted. The built binary, because only a build has a cache.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary } from './helpers/cli.js';
import { BASE_TREE, CONFIG, decisionText, ideaText, voteText } from './helpers/forge.js';
import { git, makeRepo, writeTree } from './helpers/repo.js';

const SHOW = ['show', 'shipa1', '--format', 'json'];

/** The cached run's answer, whether it came from the cache, and the uncached answer to compare. */
function showBoth(root: string, args = SHOW) {
  const cached = runBinary(args, { cwd: root, env: { IDEAS_CACHE_TRACE: '1' } });
  const fresh = runBinary(args, { cwd: root, env: { IDEAS_NO_CACHE: '1' } });
  expect(cached.code).toBe(0);
  expect(cached.stdout).toBe(fresh.stdout);
  return {
    stdout: cached.stdout,
    hit: cached.stderr.includes('answered show from the result cache'),
  };
}

describe('show from the result cache', () => {
  it('answers an unchanged tree from the cache, and recomputes after any change it reads', () => {
    const root = makeRepo({
      ...BASE_TREE,
      'ideas/ship22-faster-shipping.md': ideaText('ship22', 'Faster overnight shipping', ['erin']),
    });
    expect(showBoth(root).hit).toBe(false);
    const first = showBoth(root);
    expect(first.hit).toBe(true);
    // Each a miss, answered as without a cache: the idea's vote modified on disk, a vote
    // untracked, another idea (similar ideas and their titles), a decision, the config.
    const changes: Record<string, string>[] = [
      { 'votes/shipa1/bob.md': voteText('shipa1', 'bob', 'customers: [globex]\n') },
      { 'votes/shipa1/erin.md': voteText('shipa1', 'erin') },
      {
        'ideas/ship22-faster-shipping.md': ideaText('ship22', 'Overnight shipping, faster', [
          'erin',
        ]),
      },
      {
        'decisions/shipa1/2026-11-20-accepted.md': decisionText(
          'shipa1',
          'accepted',
          '2026-11-20',
          ['carol'],
        ),
      },
      { 'ideas.config.yaml': `${CONFIG}voting:\n  self_votes: true\n` },
    ];
    const outputs = new Set([first.stdout]);
    for (const change of changes) {
      writeTree(root, change);
      const after = showBoth(root);
      expect(after.hit).toBe(false);
      outputs.add(after.stdout);
    }
    // The votes and the decision show: at least those changed the answer.
    expect(outputs.size).toBeGreaterThanOrEqual(4);
    const before = showBoth(root);
    expect(before.hit).toBe(true);
    // Staged, then committed: the same files, named by the index now; the answer holds.
    git(root, 'add', '-A');
    expect(showBoth(root).stdout).toBe(before.stdout);
    // A vote on another idea is not read by show: still answered from the cache.
    writeTree(root, { 'votes/chat22/erin.md': voteText('chat22', 'erin') });
    expect(showBoth(root).hit).toBe(true);
  });

  it('a corrupt, truncated or empty answer is a miss, computed and written again', () => {
    const root = makeRepo(BASE_TREE);
    const good = showBoth(root).stdout;
    const folder = join(root, '.git', 'ideas', 'results');
    const spoil = [
      () => Buffer.from('garbage'),
      (text: Buffer) => text.subarray(0, Math.floor(text.length / 2)),
      () => Buffer.alloc(0),
    ];
    for (const how of spoil) {
      for (const name of readdirSync(folder))
        writeFileSync(join(folder, name), how(readFileSync(join(folder, name))));
      const again = showBoth(root);
      expect(again.hit).toBe(false);
      expect(again.stdout).toBe(good);
    }
    expect(showBoth(root).hit).toBe(true);
  });

  it('an answer that read beyond its first read (a budget: the voters other votes) is not kept', () => {
    const root = makeRepo({
      ...BASE_TREE,
      'ideas.config.yaml': `${CONFIG}voting:\n  mode: budget\n  budget: 5\n`,
    });
    expect(showBoth(root).hit).toBe(false);
    expect(showBoth(root).hit).toBe(false);
  });
});

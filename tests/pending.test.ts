/** `ideas pending`: records on unmerged remote branches, read without a checkout. */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { git } from './helpers/repo.js';
import { branchAs, decisionText, ideaText, makeForge, voteText } from './helpers/forge.js';

describe('ideas pending', () => {
  it('lists ideas, votes and decisions waiting on remote branches, and skips merged ones', async () => {
    const forge = makeForge();
    branchAs(
      forge,
      'alice',
      'idea/wrap77-gift-wrapping',
      {
        'ideas/wrap77-gift-wrapping.md': ideaText('wrap77', 'Gift \u001b[31mwrapping', ['alice']),
      },
      { push: true },
    );
    branchAs(
      forge,
      'erin',
      'vote/chat22-erin',
      { 'votes/chat22/erin.md': voteText('chat22', 'erin') },
      { push: true },
    );
    branchAs(
      forge,
      'carol',
      'review/shipa1',
      {
        'decisions/shipa1/2026-11-20-accepted.md': decisionText(
          'shipa1',
          'accepted',
          '2026-11-20',
          ['carol'],
        ),
      },
      { push: true },
    );
    branchAs(forge, 'bob', 'vote/retract', { 'votes/shipa1/bob.md': null }, { push: true });
    // A branch merged already waits for nothing.
    branchAs(
      forge,
      'bob',
      'vote/merged',
      { 'votes/chat22/bob.md': voteText('chat22', 'bob') },
      { push: true },
    );
    git(forge.root, 'checkout', '-q', 'main');
    git(forge.root, 'merge', '-q', '--ff-only', 'vote/merged');
    git(forge.root, 'push', '-q', 'origin', 'main');
    git(forge.root, 'fetch', '-q', 'origin');

    const json = await runCli(['pending', '--format', 'json'], { cwd: forge.root });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { base: string; pending: Record<string, unknown>[] };
    expect(report.base).toBe('origin/main');
    expect(report.pending.map((r) => [r.branch, r.change, r.kind, r.id])).toEqual([
      ['origin/idea/wrap77-gift-wrapping', 'added', 'idea', 'wrap77'],
      ['origin/review/shipa1', 'added', 'decision', 'shipa1'],
      ['origin/vote/chat22-erin', 'added', 'vote', 'chat22'],
      ['origin/vote/retract', 'deleted', 'vote', 'shipa1'],
    ]);
    expect(report.pending[1]).toMatchObject({ status: 'accepted', reviewers: ['carol'] });
    expect(report.pending[2]).toMatchObject({ voter: 'erin', points: 1 });

    const table = await runCli(['pending'], { cwd: forge.root });
    expect(table.stdout).toContain('origin/vote/chat22-erin');
    expect(table.stdout).toContain('-> accepted (carol)');
    expect(table.stdout).not.toContain('\u001b');
    expect(table.stdout).toContain('bob retracts');
    expect(table.stdout).toContain(
      '4 branches not merged into origin/main: 1 idea, 2 votes, 1 decision',
    );
  });

  it('says so when nothing waits, and asks for --base when it cannot tell the default branch', async () => {
    const forge = makeForge();
    git(forge.root, 'fetch', '-q', 'origin');
    const empty = await runCli(['pending'], { cwd: forge.root });
    expect(empty.stdout).toBe('Nothing pending: every remote branch is merged into origin/main.\n');
    // The one remote, whatever its name, is where pull requests go.
    git(forge.root, 'remote', 'rename', 'origin', 'upstream');
    const renamed = await runCli(['pending'], { cwd: forge.root });
    expect(renamed.stdout).toBe(
      'Nothing pending: every remote branch is merged into upstream/main.\n',
    );
    git(forge.root, 'remote', 'remove', 'upstream');
    const lost = await runCli(['pending'], { cwd: forge.root });
    expect(lost.code).toBe(2);
    expect(lost.stderr).toContain('--base');
  });
});

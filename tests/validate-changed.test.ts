/** `ideas validate --changed-since REF`: the changed files and what they affect; id uniqueness everywhere. */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { BASE_TREE, branchAs, commitAs, ideaText, makeForge, voteText } from './helpers/forge.js';
import { writeTree } from './helpers/repo.js';

// An old problem on main that a branch did not cause: a vote by someone not in people.
const TREE = { ...BASE_TREE, 'votes/chat22/zed.md': voteText('chat22', 'zed') };

async function validate(root: string, args: string[]) {
  const result = await runCli(['validate', '--format', 'json', ...args], { cwd: root });
  const report = JSON.parse(result.stdout) as { problems: { rule: string; file: string }[] };
  return { code: result.code, problems: report.problems.map((p) => `${p.rule} ${p.file}`) };
}

describe('ideas validate --changed-since', () => {
  it('reports the changed files and leaves old problems elsewhere alone', async () => {
    const forge = makeForge(TREE);
    expect((await validate(forge.root, [])).problems).toContain(
      'vote/unknown-voter votes/chat22/zed.md',
    );
    branchAs(forge, 'erin', 'pr', { 'votes/nosuch/erin.md': voteText('nosuch', 'erin') });
    const result = await validate(forge.root, ['--changed-since', 'origin/main']);
    expect(result.problems).toEqual(['vote/unknown-idea votes/nosuch/erin.md']);
    expect(result.code).toBe(1);
  });

  it('includes the votes of a changed idea', async () => {
    const forge = makeForge(TREE);
    // bob becomes an author of an idea he voted for: his untouched vote is now a self-vote.
    branchAs(forge, 'alice', 'pr', {
      'ideas/shipa1-overnight-shipping.md': ideaText('shipa1', 'Overnight shipping', [
        'alice',
        'bob',
      ]),
    });
    const result = await validate(forge.root, ['--changed-since', 'origin/main']);
    expect(result.problems).toEqual(['vote/self-vote votes/shipa1/bob.md']);
  });

  it('includes the orphans of a deleted idea, from the working tree, uncommitted', async () => {
    const forge = makeForge(TREE);
    commitAs(forge.root, 'carol', { 'ideas/shipa1-overnight-shipping.md': null }, 'remove');
    writeTree(forge.root, {
      'votes/chat22/erin.md': voteText('chat22', 'erin').replace('points: 1', 'points: 7'),
    });
    const result = await validate(forge.root, ['--changed-since', 'origin/main']);
    expect(result.problems).toEqual([
      'decision/unknown-idea decisions/shipa1/2026-11-12-reviewing.md',
      'vote/points votes/chat22/erin.md',
      'vote/unknown-idea votes/shipa1/bob.md',
    ]);
  });

  it('still checks id uniqueness over the whole repository', async () => {
    const forge = makeForge(TREE);
    // The new file sorts first, so the problem lands on the untouched one.
    branchAs(forge, 'erin', 'pr', {
      'ideas/shipa1-a-ship.md': ideaText('shipa1', 'A ship', ['erin']),
    });
    const result = await validate(forge.root, ['--changed-since', 'origin/main', '--ref', 'HEAD']);
    expect(result.problems).toContain('idea/duplicate-id ideas/shipa1-overnight-shipping.md');
    expect(result.problems).not.toContain('vote/unknown-voter votes/chat22/zed.md');
  });

  it('a changed config affects everything', async () => {
    const forge = makeForge(TREE);
    branchAs(forge, 'carol', 'pr', {
      'ideas.config.yaml': `${BASE_TREE['ideas.config.yaml']}voting: {self_votes: false}\n`,
    });
    const result = await validate(forge.root, ['--changed-since', 'origin/main']);
    expect(result.problems).toContain('vote/unknown-voter votes/chat22/zed.md');
  });
});

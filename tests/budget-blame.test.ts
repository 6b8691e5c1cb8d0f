/**
 * Where vote/budget lands decides whether `check` sees it: check shows the findings on the files
 * a pull request touched. An over-budget voter's votes of the latest day are all blamed, so a
 * new vote cannot hide behind an older one of the same day whose path sorts after it.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { commitAs, ideaText, voteText } from './helpers/forge.js';
import { git, makeRepo } from './helpers/repo.js';

const CONFIG = `version: 1
reviewers: [carol]
voting: {mode: budget, budget: 4}
`;

const points = (text: string, n: number) => text.replace('points: 1', `points: ${n}`);

function repo(): string {
  const root = makeRepo({
    'ideas.config.yaml': CONFIG,
    'ideas/ship1-overnight-shipping.md': ideaText('ship1', 'Overnight shipping', ['alice']),
    'ideas/chat2-live-chat.md': ideaText('chat2', 'Live chat', ['carol']),
    // Same day as the pull request's vote below, and a path that sorts after it.
    'votes/ship1/bob.md': points(voteText('ship1', 'bob'), 3),
  });
  git(root, 'checkout', '-q', '-b', 'pr');
  return root;
}

describe('vote/budget blames the votes of the day the budget was crossed', () => {
  it('check refuses a new vote of the same day as the old one it overspends with', async () => {
    const root = repo();
    commitAs(root, 'bob', { 'votes/chat2/bob.md': points(voteText('chat2', 'bob'), 2) }, 'vote');
    const check = await runCli(['check', '--base', 'main', '--actor', 'bob', '--format', 'json'], {
      cwd: root,
    });
    expect(check.code).toBe(1);
    const problems: { rule: string; file: string }[] = JSON.parse(check.stdout).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({ rule: 'vote/budget', file: 'votes/chat2/bob.md' }),
    );
  });

  it('validate names both votes of that day, and not an older one', async () => {
    const root = repo();
    commitAs(
      root,
      'bob',
      {
        'votes/chat2/bob.md': points(voteText('chat2', 'bob'), 2),
        'ideas/pick3-pickup-points.md': ideaText('pick3', 'Pickup points', ['dave']),
        'votes/pick3/bob.md': voteText('pick3', 'bob').replace('2026-11-10', '2026-11-02'),
      },
      'votes',
    );
    const validate = await runCli(['validate', '--format', 'json'], { cwd: root });
    expect(validate.code).toBe(1);
    const blamed = JSON.parse(validate.stdout)
      .problems.filter((p: { rule: string }) => p.rule === 'vote/budget')
      .map((p: { file: string }) => p.file)
      .sort();
    expect(blamed).toEqual(['votes/chat2/bob.md', 'votes/ship1/bob.md']);
  });
});

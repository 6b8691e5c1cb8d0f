/**
 * Attacks on what `check` judges a branch against: authority and existing ids come from the
 * tip of the base branch, not from the branch's own old copy of it.
 */
import { describe, expect, it } from 'vitest';
import { checkAs, commitOnBase, repoOnBranch } from './helpers/check-flow.js';
import { commitAs, ideaText, voteText } from './helpers/forge.js';

const CONFIG = `version: 1
reviewers: [carol]
`;

const BUDGET = `version: 1
reviewers: [carol]
voting: {mode: budget, budget: 4}
`;

describe('check judges ids by the tip of the base', () => {
  // The branch votes for chat2; meanwhile main removed chat2. Judged on the branch's own tree
  // the vote passed, and the merge left main with vote/unknown-idea: check judges the branch's
  // files in the merge result (the base tip with the branch's changes), as a merge commit has it.
  it('a vote for an idea the base has since removed is refused', async () => {
    const root = repoOnBranch({
      'ideas.config.yaml': CONFIG,
      'ideas/ship1-overnight-shipping.md': ideaText('ship1', 'Overnight shipping', ['alice']),
      'ideas/chat2-live-chat.md': ideaText('chat2', 'Live chat', ['carol']),
    });
    commitAs(root, 'bob', { 'votes/chat2/bob.md': voteText('chat2', 'bob') }, 'bob votes');
    commitOnBase(root, 'carol', { 'ideas/chat2-live-chat.md': null }, 'chat2 removed');
    const check = await checkAs(root, 'bob');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/votes\/chat2\/bob\.md.*chat2/);
  });

  it('a vote over budget with a vote merged on the base since the branch started is refused', async () => {
    const root = repoOnBranch({
      'ideas.config.yaml': BUDGET,
      'ideas/ship1-overnight-shipping.md': ideaText('ship1', 'Overnight shipping', ['alice']),
      'ideas/chat2-live-chat.md': ideaText('chat2', 'Live chat', ['carol']),
    });
    const three = (idea: string) => voteText(idea, 'bob').replace('points: 1', 'points: 3');
    commitAs(root, 'bob', { 'votes/chat2/bob.md': three('chat2') }, 'bob votes for chat2');
    commitOnBase(root, 'bob', { 'votes/ship1/bob.md': three('ship1') }, 'bob votes for ship1');
    const check = await checkAs(root, 'bob');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/votes\/chat2\/bob\.md.*vote\/budget|vote\/budget[^\n]*chat2/s);
  });

  it('the branch tip alone still decides what the branch changed', async () => {
    const root = repoOnBranch({
      'ideas.config.yaml': CONFIG,
      'ideas/ship1-overnight-shipping.md': ideaText('ship1', 'Overnight shipping', ['alice']),
    });
    commitAs(root, 'bob', { 'votes/ship1/bob.md': voteText('ship1', 'bob') }, 'bob votes');
    commitOnBase(
      root,
      'carol',
      { 'ideas/chat2-live-chat.md': ideaText('chat2', 'Live chat', ['carol']) },
      'chat2 added on main',
    );
    const check = await checkAs(root, 'bob', '--format', 'json');
    expect(check.code).toBe(0);
    // Only the branch's own change is judged: chat2, added on main, is not the branch's doing.
    expect(JSON.parse(check.stdout).changes.map((c: { path: string }) => c.path)).toEqual([
      'votes/ship1/bob.md',
    ]);
  });
});

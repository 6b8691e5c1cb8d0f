/**
 * Attacks on `check` judging a branch in the merge result (read/repository.ts mergedInto): the
 * base moving on under the branch, deletions, renames and both sides changing one file.
 */
import { describe, expect, it } from 'vitest';
import { checkAs, commitOnBase, repoOnBranch, rulesOf } from './helpers/check-flow.js';
import { commitAs, decisionText, ideaText, voteText } from './helpers/forge.js';

const CONFIG = `version: 1
reviewers: [carol]
`;

const theme = (id: string, title: string) =>
  ideaText(id, title, ['carol']).replace('created: 2026-11-01', 'created: 2026-11-01\nkind: theme');
const withParent = (text: string, parent: string) =>
  text.replace('created: 2026-11-01', `created: 2026-11-01\nparent: ${parent}`);

/** alice proposes fast4 under the theme them3 on the branch. */
const proposeUnderTheme = (root: string) =>
  commitAs(
    root,
    'alice',
    {
      'ideas/fast4-faster-vans.md': withParent(
        ideaText('fast4', 'Faster vans', ['alice']),
        'them3',
      ),
    },
    'alice proposes',
  );

const TREE = {
  'ideas.config.yaml': CONFIG,
  'ideas/ship1-overnight-shipping.md': ideaText('ship1', 'Overnight shipping', ['alice']),
  'ideas/chat2-live-chat.md': ideaText('chat2', 'Live chat', ['alice']),
  'ideas/them3-delivery.md': theme('them3', 'Delivery'),
  'votes/ship1/bob.md': voteText('ship1', 'bob'),
};

describe('the base moving on under the branch', () => {
  it('a new idea under a theme the base has since removed is refused', async () => {
    const root = repoOnBranch(TREE);
    proposeUnderTheme(root);
    commitOnBase(root, 'carol', { 'ideas/them3-delivery.md': null }, 'theme removed');
    const check = await checkAs(root, 'alice', '--format', 'json');
    expect(check.code).toBe(1);
    expect(rulesOf(check)).toContain('idea/unknown-parent');
  });

  it('the same idea under a theme that is still there passes', async () => {
    const root = repoOnBranch(TREE);
    proposeUnderTheme(root);
    commitOnBase(root, 'bob', { 'votes/chat2/bob.md': voteText('chat2', 'bob') }, 'bob votes');
    const check = await checkAs(root, 'alice', '--format', 'json');
    expect(rulesOf(check)).toEqual([]);
    expect(check.code).toBe(0);
  });

  it('a duplicate decision pointing at an idea the base has since removed is refused', async () => {
    const root = repoOnBranch(TREE);
    commitAs(
      root,
      'carol',
      {
        'decisions/chat2/2026-11-20-duplicate.md': decisionText(
          'chat2',
          'duplicate',
          '2026-11-20',
          ['carol'],
        ).replace('reviewers: [carol]', 'reviewers: [carol]\nduplicate_of: ship1'),
      },
      'carol closes chat2 as a duplicate of ship1',
    );
    const passes = await checkAs(root, 'carol', '--format', 'json');
    expect(rulesOf(passes)).toEqual([]);
    commitOnBase(
      root,
      'carol',
      { 'ideas/ship1-overnight-shipping.md': null, 'votes/ship1/bob.md': null },
      'ship1 removed',
    );
    const check = await checkAs(root, 'carol', '--format', 'json');
    expect(check.code).toBe(1);
    expect(rulesOf(check)).toContain('decision/duplicate-of');
  });

  it("a vote twin in another case, merged on the base since, is one voter's second vote", async () => {
    const root = repoOnBranch(TREE);
    commitAs(root, 'bob', { 'votes/chat2/Bob.md': voteText('chat2', 'Bob') }, 'Bob votes');
    commitOnBase(root, 'bob', { 'votes/chat2/bob.md': voteText('chat2', 'bob') }, 'bob votes');
    const check = await checkAs(root, 'bob', '--format', 'json');
    expect(check.code).toBe(1);
    // Found by this attack: check passed (the twin on the base was not in the head's paths, and
    // vote/duplicate reports the later file by path, bob.md, which the branch did not touch).
    expect(rulesOf(check)).toContain('policy/unsafe-path');
  });
});

describe('deletions and renames', () => {
  it('an author renaming an idea to another id, orphaning its votes, is refused', async () => {
    const root = repoOnBranch(TREE);
    const renamed = ideaText('ship9', 'Overnight shipping', ['alice']);
    commitAs(
      root,
      'alice',
      {
        'ideas/ship1-overnight-shipping.md': null,
        'ideas/ship9-overnight-shipping.md': renamed,
      },
      'alice renames ship1',
    );
    const check = await checkAs(root, 'alice', '--format', 'json');
    expect(check.code).toBe(1);
    // A rename is a deletion and an addition: deleting an idea takes a reviewer.
    expect(rulesOf(check)).toEqual(['policy/idea-author']);
  });

  it('an author renaming the file for a new title, keeping the id, passes', async () => {
    const root = repoOnBranch(TREE);
    commitAs(
      root,
      'alice',
      {
        'ideas/ship1-overnight-shipping.md': null,
        'ideas/ship1-next-day-shipping.md': ideaText('ship1', 'Next-day shipping', ['alice']),
      },
      'alice retitles ship1',
    );
    const check = await checkAs(root, 'alice', '--format', 'json');
    expect(rulesOf(check)).toEqual([]);
    expect(check.code).toBe(0);
  });

  it('a voter retracting their vote passes; retracting someone else’s is refused', async () => {
    const root = repoOnBranch(TREE);
    commitAs(root, 'bob', { 'votes/ship1/bob.md': null }, 'bob retracts');
    expect((await checkAs(root, 'bob')).code).toBe(0);
    expect(rulesOf(await checkAs(root, 'alice', '--format', 'json'))).toContain(
      'policy/vote-voter',
    );
  });
});

describe('both sides changing one file', () => {
  it("the branch's version is judged, and the base's change does not excuse it", async () => {
    const root = repoOnBranch(TREE);
    // The branch makes bob's vote 2 points under simple voting (refused); main edits it too.
    commitAs(
      root,
      'bob',
      {
        'votes/ship1/bob.md': voteText('ship1', 'bob').replace('points: 1', 'points: 2'),
      },
      'bob votes 2',
    );
    commitOnBase(
      root,
      'bob',
      {
        'votes/ship1/bob.md': voteText('ship1', 'bob', 'customers: [acme]\n'),
      },
      'bob names a customer',
    );
    const check = await checkAs(root, 'bob', '--format', 'json');
    expect(check.code).toBe(1);
    expect(rulesOf(check)).toContain('vote/points');
  });
});

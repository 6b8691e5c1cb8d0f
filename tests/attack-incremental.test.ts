/**
 * Attacks on the incremental reads of `check` and `validate --changed-since`: a pull request
 * whose files are crafted so that reading only what the change reaches (validate/reach.ts)
 * would answer otherwise than reading everything (IDEAS_FULL_READ=1). Every difference is a
 * defect; each case builds a real repository, commits the branch as its author, and compares
 * both answers byte for byte.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import {
  BASE_TREE,
  CONFIG as FORGE_CONFIG,
  commitAs,
  decisionText,
  gitAs,
  ideaText,
  voteText,
} from './helpers/forge.js';
import { git, makeRepo, type Tree } from './helpers/repo.js';

// Forge people and reviewers, under a budget: bob's second vote is over it.
const CONFIG = `${FORGE_CONFIG}voting: {mode: budget, budget: 4}\n`;

// The forge's merged state (ideas shipa1 and chat22, bob's vote on shipa1), under the budget.
const BASE: Tree = { ...BASE_TREE, 'ideas.config.yaml': CONFIG };

interface Answer {
  code: number;
  stdout: string;
  stderr: string;
}

async function answer(root: string, args: string[], full: boolean): Promise<Answer> {
  const result = await runCli(args, { cwd: root, env: full ? { IDEAS_FULL_READ: '1' } : {} });
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

/** Main as `base`, then a branch `pr` with one commit by `actor`; both answers of check and validate. */
async function both(
  base: Tree,
  pr: Record<string, string | null>,
  actor = 'bob',
  setup?: (root: string) => void,
): Promise<{ check: [Answer, Answer]; validate: [Answer, Answer]; root: string }> {
  const root = makeRepo(base);
  git(root, 'checkout', '-q', '-b', 'pr');
  commitAs(root, actor, pr, 'change');
  setup?.(root);
  const check = ['check', '--base', 'main', '--actor', actor, '--format', 'json'];
  const validate = ['validate', '--changed-since', 'main', '--format', 'json'];
  return {
    check: [await answer(root, check, false), await answer(root, check, true)],
    validate: [await answer(root, validate, false), await answer(root, validate, true)],
    root,
  };
}

describe('incremental check answers as the full read', () => {
  // DEFECT (not fixed): records on main whose content disagrees with their name are found by
  // name in the incremental read and by content in the full one. Here the full read sees idea
  // wxyz1 (in ideas/abcd1-misnamed.md) and passes the vote; the incremental read reports
  // vote/unknown-idea. Fixing it means choosing name or content as the one truth in
  // model/validate (maintainers' call).
  it.skip('a vote for an idea whose file on main is named with another id', async () => {
    const base = { ...BASE, 'ideas/abcd1-misnamed.md': ideaText('wxyz1', 'Misnamed', ['erin']) };
    const { check, validate } = await both(base, {
      'votes/wxyz1/bob.md': voteText('wxyz1', 'bob'),
    });
    expect(check[0]).toEqual(check[1]);
    expect(validate[0]).toEqual(validate[1]);
  });

  it('a new idea reusing the id of an idea on main whose file is named otherwise', async () => {
    const base = { ...BASE, 'ideas/abcd1-misnamed.md': ideaText('wxyz1', 'Misnamed', ['erin']) };
    const { check, validate } = await both(base, {
      'ideas/wxyz1-second.md': ideaText('wxyz1', 'Second', ['bob']),
    });
    expect(check[0]).toEqual(check[1]);
    expect(validate[0]).toEqual(validate[1]);
  });

  // DEFECT (not fixed), the same cause: main's votes/chat22/robert.md says `voter: bob` (4
  // points). The full read counts it in bob's budget and fails his raised vote (vote/budget);
  // the incremental read selects votes/*/bob.md only and passes it.
  it.skip('a vote over budget where main holds a vote of the voter under another file name', async () => {
    const base = {
      ...BASE,
      'votes/chat22/robert.md': voteText('chat22', 'bob').replace('points: 1', 'points: 4'),
    };
    const { check, validate } = await both(base, {
      'votes/shipa1/bob.md': voteText('shipa1', 'bob').replace('points: 1', 'points: 2'),
    });
    expect(check[0]).toEqual(check[1]);
    expect(validate[0]).toEqual(validate[1]);
  });

  // DEFECT (not fixed), the same cause with a violation slipping through: main's decision
  // decisions/shipa1/…-rejected.md says `idea: chat22`. The full read closes chat22 and fails the
  // new vote (policy/closed-idea); the incremental read reads decisions/chat22/ only, finds chat22
  // open and passes the vote.
  it.skip('a decision on main filed in another idea folder closes the idea voted on', async () => {
    const base = {
      ...BASE,
      'decisions/shipa1/2026-11-13-rejected.md': decisionText('chat22', 'rejected', '2026-11-13', [
        'carol',
      ]),
    };
    const { check, validate } = await both(
      base,
      {
        'votes/chat22/alice.md': voteText('chat22', 'alice'),
      },
      'alice',
    );
    expect(check[0]).toEqual(check[1]);
    expect(validate[0]).toEqual(validate[1]);
  });

  it('a branch changing the voting mode to budget', async () => {
    const { check, validate } = await both(
      { ...BASE, 'ideas.config.yaml': CONFIG.replace('mode: budget', 'mode: simple') },
      {
        'ideas.config.yaml': CONFIG.replace('budget: 4', 'budget: 1'),
        'votes/chat22/bob.md': voteText('chat22', 'bob'),
      },
      'carol',
    );
    expect(check[0]).toEqual(check[1]);
    expect(validate[0]).toEqual(validate[1]);
  });

  it('a branch changing the template', async () => {
    const { check, validate } = await both(BASE, {
      'templates/idea.md': '---\ntitle:\n---\n## Problem\n\n## Risks\n',
      'ideas/new5a-gift-wrap.md': ideaText('new5a', 'Gift wrap', ['bob']),
    });
    expect(check[0]).toEqual(check[1]);
    expect(validate[0]).toEqual(validate[1]);
  });

  it('a vote replaced by a link to another file', async () => {
    const { check, validate } = await both(
      BASE,
      { 'votes/chat22/bob.md': voteText('chat22', 'bob') },
      'bob',
      (root) => {
        git(root, 'rm', '-q', 'votes/chat22/bob.md');
        mkdirSync(join(root, 'votes/chat22'), { recursive: true });
        symlinkSync('../shipa1/bob.md', join(root, 'votes/chat22/bob.md'));
        gitAs(root, 'bob', 'add', '-A');
        gitAs(root, 'bob', 'commit', '-q', '-m', 'link');
      },
    );
    expect(check[0]).toEqual(check[1]);
    expect(validate[0]).toEqual(validate[1]);
  });

  // Found by comparing validate --changed-since with the new problems of a full validate: the
  // warning of a likely duplicate went on the later file by path, so a new idea whose random
  // id sorts first put it on the old idea, which check and --changed-since never show.
  it('a new idea like an old one is warned on the new file, whatever its id', async () => {
    const copy = ideaText('aaa11', 'Overnight shipping', ['bob']).replace(
      'created: 2026-11-01',
      'created: 2026-11-20',
    );
    const { check, validate } = await both(BASE, { 'ideas/aaa11-overnight-shipping.md': copy });
    warnedAsSimilar([check[0], validate[0]], 'ideas/aaa11-overnight-shipping.md');
  });

  // Two ideas of the same day cannot be ordered by arrival: each is warned of the other, so a
  // pull request adding either one sees the warning, whichever id sorts first.
  it('a new idea like an old one of the same day is warned on both files', async () => {
    const copy = ideaText('aaa11', 'Overnight shipping', ['bob']);
    const { check, validate } = await both(BASE, { 'ideas/aaa11-overnight-shipping.md': copy });
    warnedAsSimilar([check[0], validate[0]], 'ideas/aaa11-overnight-shipping.md');
    expect(check[0]).toEqual(check[1]);
    expect(validate[0]).toEqual(validate[1]);
  });
});

/** Each answer (validate's or check's JSON) warns the file as like another idea. */
function warnedAsSimilar(answers: { stdout: string }[], file: string): void {
  for (const answer of answers) {
    const problems = (JSON.parse(answer.stdout) as { problems: { rule: string; file: string }[] })
      .problems;
    expect(problems).toContainEqual(expect.objectContaining({ rule: 'repo/similar-ideas', file }));
  }
}

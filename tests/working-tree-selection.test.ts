/**
 * The working tree read by selection (read/git-index.ts): git lists and scans only the
 * selection's scope and only selected files are read, yet the answers of `validate
 * --changed-since`, `vote` and `review` are the full read's (IDEAS_FULL_READ=1), in states the
 * random property test rarely reaches: a merge conflict, an untracked idea whose id collides,
 * a staged idea removed again from disk.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepository } from '../src/read/repository.js';
import { runCli } from './helpers/cli.js';
import { BASE_TREE, decisionText, ideaText, voteText } from './helpers/forge.js';
import { commitAll, git, makeRepo, writeTree } from './helpers/repo.js';

async function bothWays(root: string, args: string[], as = 'bob', written?: string) {
  const once = async (full: boolean) => {
    const env = {
      GIT_AUTHOR_EMAIL: `${as}@example.com`,
      ...(full ? { IDEAS_FULL_READ: '1' } : {}),
    };
    const file = written === undefined ? undefined : join(root, written);
    const before = file && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const result = await runCli(args, { cwd: root, env });
    const after = file && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (file && before === undefined) rmSync(file, { force: true });
    else if (file && before !== undefined) writeFileSync(file, before);
    return { ...result, after };
  };
  const partial = await once(false);
  expect(partial).toEqual(await once(true));
  return partial;
}

/** `ideas vote IDEA` as VOTER, both ways, and the vote file it wrote. */
const voteBothWays = (root: string, idea: string, voter: string) =>
  bothWays(root, ['vote', idea, '--no-branch'], voter, `votes/${idea}/${voter}.md`);

const VALIDATE = ['validate', '--changed-since', 'main', '--format', 'json'];

describe('the working tree read by selection', () => {
  it('a merge conflict in a vote: read from disk, its markers reported, as a full read does', async () => {
    const root = makeRepo(BASE_TREE);
    git(root, 'checkout', '-q', '-b', 'other');
    writeTree(root, { 'votes/shipa1/bob.md': voteText('shipa1', 'bob', 'customers: [acme]\n') });
    commitAll(root, 'other');
    git(root, 'checkout', '-q', 'main');
    writeTree(root, { 'votes/shipa1/bob.md': voteText('shipa1', 'bob', 'customers: [globex]\n') });
    commitAll(root, 'main');
    git(root, 'checkout', '-q', '-b', 'pr');
    expect(() => git(root, 'merge', '-q', 'other')).toThrow();
    expect(git(root, 'ls-files', '-u')).toContain('votes/shipa1/bob.md');

    const validate = await bothWays(root, VALIDATE);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('votes/shipa1/bob.md');
    const vote = await voteBothWays(root, 'chat22', 'bob');
    expect(vote.code).toBe(0);
    expect(vote.after).toContain('idea: chat22');
    // The conflicted file is the one the vote would rewrite: it is read from disk, as it stands.
    const again = await voteBothWays(root, 'shipa1', 'bob');
    expect(again.code).not.toBe(70);
  });

  it('an untracked idea whose id another idea has: both ways the same duplicate, and the writers agree', async () => {
    const root = makeRepo(BASE_TREE);
    writeTree(root, {
      'ideas/shipa1-express-shipping.md': ideaText('shipa1', 'Express shipping', ['erin']),
    });
    const validate = await bothWays(root, VALIDATE);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('idea/duplicate-id');
    const vote = await voteBothWays(root, 'shipa1', 'erin');
    expect(vote.code).not.toBe(70);
    await bothWays(
      root,
      ['review', 'shipa1', '--status', 'accepted', '--no-branch'],
      'carol',
      'decisions/shipa1/2026-11-24-accepted.md',
    );
  });

  it('a staged idea removed from disk, an untracked decision and a modified vote outside the selection', async () => {
    const root = makeRepo(BASE_TREE);
    writeTree(root, { 'ideas/gift77-gift-wrap.md': ideaText('gift77', 'Gift wrap', ['bob']) });
    git(root, 'add', '-A');
    rmSync(join(root, 'ideas/gift77-gift-wrap.md'));
    writeTree(root, {
      'decisions/chat22/2026-11-20-accepted.md': decisionText('chat22', 'accepted', '2026-11-20', [
        'erin',
      ]),
      'votes/shipa1/bob.md': voteText('shipa1', 'bob').replace('points: 1', 'points: 9'),
    });
    await bothWays(root, VALIDATE);
    // gift77 is in the index but not on disk: no idea to vote for, both ways.
    const gone = await voteBothWays(root, 'gift77', 'alice');
    expect(gone.code).toBe(2);
    const vote = await voteBothWays(root, 'chat22', 'alice');
    expect(vote.code).not.toBe(70);
  });

  it('reads only what it selects: the rest is unread, named but not opened', async () => {
    const root = makeRepo(BASE_TREE);
    // Outside the selection, a file no reader could take (binary): a full read refuses it.
    writeFileSync(join(root, 'votes/shipa1/carol.md'), Buffer.from([0, 1, 2, 0xff]));
    writeTree(root, { 'ideas/newi9-new-idea.md': ideaText('newi9', 'New idea', ['bob']) });
    const env = { ...process.env };
    const full = await readRepository({ root, env });
    expect(full.tree.problems.map((p) => p.file)).toContain('votes/shipa1/carol.md');
    const selected = await readRepository({
      root,
      env,
      select: (path) => path.startsWith('ideas/chat22-'),
      scope: ['ideas/'],
    });
    expect(selected.tree.files.map((f) => f.path)).toEqual(['ideas/chat22-live-chat.md']);
    expect(selected.tree.problems).toEqual([]);
    // Idea files in scope are named, the untracked one too: their names are the id set.
    expect(selected.tree.unread).toEqual([
      'ideas/newi9-new-idea.md',
      'ideas/shipa1-overnight-shipping.md',
    ]);
    expect([...selected.repo.ideaIds].sort()).toEqual(['chat22', 'newi9', 'shipa1']);
    expect(selected.repo.config.reviewers).toEqual(['carol', 'dave']);
  });
});

import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary, runCli } from '../helpers/cli.js';
import { OTHER_BODY, TREE, addBareRemote, makeIdeasRepo, setUser } from '../helpers/authoring.js';
import { git, makeRepo, tempDir } from '../helpers/repo.js';

const NEW = ['new', '--title', 'Printer runbooks', '--body-file', '-', '--yes'];

function state(root: string) {
  return {
    head: git(root, 'rev-parse', 'HEAD'),
    branch: git(root, 'symbolic-ref', '--short', 'HEAD'),
    status: git(root, 'status', '--porcelain'),
    index: git(root, 'diff', '--cached', '--name-only'),
    config: readFileSync(join(root, 'ideas.config.yaml'), 'utf8'),
  };
}

function branches(root: string): string[] {
  return git(root, 'for-each-ref', '--format=%(refname)', 'refs/heads').trim().split('\n');
}

describe('--branch, --push, --open-pr against a real bare remote', () => {
  it('commits on idea/<id>-<slug> from the default branch, pushes with upstream, prints the GitHub URL, and leaves the checkout alone', async () => {
    const root = makeIdeasRepo('bob@example.com');
    const bare = addBareRemote(root);
    // The user is elsewhere, with uncommitted and staged work.
    git(root, 'checkout', '-q', '-b', 'my-work');
    writeFileSync(
      join(root, 'ideas.config.yaml'),
      `${TREE['ideas.config.yaml']}# my uncommitted edit\n`,
    );
    writeFileSync(join(root, 'notes.txt'), 'staged\n');
    git(root, 'add', 'notes.txt');
    writeFileSync(join(root, 'scratch.txt'), 'untracked\n');
    const before = state(root);

    const result = await runCli([...NEW, '--push', '--format', 'json'], {
      cwd: root,
      stdin: OTHER_BODY,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as {
      id: string;
      path: string;
      branch: string;
      url: string;
    };
    expect(out.branch).toBe(`idea/${out.id}-printer-runbooks`);
    expect(out.url).toBe(
      `https://github.com/acme/ideas/compare/main...idea/${out.id}-printer-runbooks?expand=1`,
    );

    expect(state(root)).toEqual(before);
    expect(existsSync(join(root, out.path))).toBe(false);
    expect(readFileSync(join(root, 'scratch.txt'), 'utf8')).toBe('untracked\n');

    const commit = `refs/heads/${out.branch}`;
    expect(git(root, 'log', '-1', '--format=%an <%ae>|%s|%P', commit).trim()).toBe(
      `bob <bob@example.com>|Propose ${out.id}: Printer runbooks|${git(root, 'rev-parse', 'main').trim()}`,
    );
    expect(git(root, 'diff-tree', '--no-commit-id', '--name-only', '-r', commit).trim()).toBe(
      out.path,
    );
    expect(git(root, 'config', `branch.${out.branch}.remote`).trim()).toBe('origin');
    expect(git(bare, 'rev-parse', out.branch)).toBe(git(root, 'rev-parse', commit));
    expect(git(root, 'show', `${commit}:${out.path}`)).toContain('authors: [bob]');
  });

  it('prints a GitLab merge-request URL for an ssh remote, and the text form names branch and URL', async () => {
    const root = makeIdeasRepo('carol@example.com');
    addBareRemote(root, 'git@gitlab.com:acme/tools/ideas.git');
    const result = await runCli(['vote', 'ship01', '--push'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      'committed votes/ship01/carol.md on the branch vote/ship01-carol (from main)\nopen the pull request: https://gitlab.com/acme/tools/ideas/-/merge_requests/new?merge_request%5Bsource_branch%5D=vote%2Fship01-carol&merge_request%5Btarget_branch%5D=main\n',
    );
  });

  it('--branch alone commits without pushing; config authoring.branch makes it the default; --no-branch overrides', async () => {
    const root = makeIdeasRepo('dave@example.com', {
      ...TREE,
      'ideas.config.yaml': `${TREE['ideas.config.yaml']}authoring: {branch: true}\n`,
    });
    const review = await runCli(['review', 'ship01', '--status', 'reviewing'], { cwd: root });
    expect(review.code, review.stderr).toBe(0);
    expect(review.stdout).toBe(
      'committed decisions/ship01/2026-11-24-reviewing.md on the branch review/ship01-reviewing (from main)\npush it when ready: git push -u origin review/ship01-reviewing\n',
    );
    expect(git(root, 'status', '--porcelain')).toBe('');
    const plain = await runCli(['review', 'ship01', '--status', 'reviewing', '--no-branch'], {
      cwd: root,
    });
    expect(plain.stdout).toBe('wrote decisions/ship01/2026-11-24-reviewing.md\n');
  });

  it('--open-pr says plainly when gh is not on PATH, and still pushes', async () => {
    const root = makeIdeasRepo('bob@example.com');
    addBareRemote(root);
    // A PATH with git on it and nothing else: git runs with the command's environment.
    const bin = tempDir();
    symlinkSync(
      execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim(),
      join(bin, 'git'),
    );
    const result = await runCli(['vote', 'ship01', '--open-pr'], {
      cwd: root,
      env: { PATH: bin },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'ideas: gh (the GitHub CLI) is not on PATH, so no pull request was opened: open it at https://github.com/acme/ideas/compare/main...vote/ship01-bob?expand=1 (or install gh from https://cli.github.com)\n',
    );
  });

  it('--open-pr runs gh pr create when gh is on PATH', async () => {
    const root = makeIdeasRepo('bob@example.com');
    addBareRemote(root);
    const bin = tempDir();
    const log = join(bin, 'gh.log');
    // A stand-in gh that records its arguments: the real one would need a GitHub account.
    writeFileSync(
      join(bin, 'gh'),
      `#!/bin/sh\nprintf '%s\\n' "$@" > ${log}\necho https://github.com/acme/ideas/pull/7\n`,
      { mode: 0o755 },
    );
    const result = await runCli(['vote', 'ship01', '--open-pr'], {
      cwd: root,
      env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      'ideas: opened the pull request: https://github.com/acme/ideas/pull/7\n',
    );
    expect(readFileSync(log, 'utf8').split('\n').slice(0, 4)).toEqual([
      'pr',
      'create',
      '--head=vote/ship01-bob',
      '--base=main',
    ]);
  });

  it('a rejected push exits 3 and leaves no branch behind', async () => {
    const root = makeIdeasRepo('bob@example.com');
    const bare = addBareRemote(root);
    // The remote refuses every push.
    writeFileSync(
      join(bare, 'hooks', 'pre-receive'),
      '#!/bin/sh\necho "pushes are closed" >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const before = branches(root);
    const result = await runCli([...NEW, '--push'], { cwd: root, stdin: OTHER_BODY });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('git push to origin failed');
    expect(result.stderr).toContain('your answers are kept: ideas new --from-json');
    expect(branches(root)).toEqual(before);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('exits 3 with what to do: no git repository, no identity, no default branch, no remote, branch exists', async () => {
    const plain = makeRepo(TREE, { git: false });
    const noRepo = await runCli([...NEW, '--branch'], {
      cwd: plain,
      stdin: OTHER_BODY,
      env: { GIT_CEILING_DIRECTORIES: join(plain, '..') },
    });
    expect(noRepo.code).toBe(3);
    expect(noRepo.stderr).toContain('is not inside a git repository');

    const anonymous = makeRepo(TREE);
    git(anonymous, 'config', '--unset', 'user.email');
    git(anonymous, 'config', 'user.useConfigOnly', 'true');
    // The built binary in its own process, so that git sees no global config either.
    const noUser = runBinary(['vote', 'ship01', '--branch'], {
      cwd: anonymous,
      env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_EMAIL: undefined, EMAIL: undefined },
    });
    expect(noUser.code).toBe(3);
    expect(noUser.stderr).toContain('git does not know who you are');
    expect(noUser.stderr).toContain('git config --global user.email');

    const unborn = makeRepo(TREE, { commit: false });
    setUser(unborn, 'bob@example.com');
    const noBase = await runCli(['vote', 'ship01', '--branch'], { cwd: unborn });
    expect(noBase.code).toBe(3);
    expect(noBase.stderr).toContain('cannot find the default branch');
    expect(existsSync(join(unborn, 'votes'))).toBe(false);

    const local = makeIdeasRepo('bob@example.com');
    const noRemote = await runCli(['vote', 'ship01', '--push'], { cwd: local });
    expect(noRemote.code).toBe(3);
    expect(noRemote.stderr).toContain('there is no remote to push to');
    expect(branches(local)).toEqual(['refs/heads/main']);

    expect((await runCli(['vote', 'ship01', '--branch'], { cwd: local })).code).toBe(0);
    const again = await runCli(['vote', 'ship01', '--branch', '--points', '2'], { cwd: local });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('the branch vote/ship01-bob already exists');
  });

  it('works from a detached HEAD and from an ideas root in a subfolder', async () => {
    const top = tempDir();
    for (const [path, text] of Object.entries(TREE)) {
      mkdirSync(join(top, 'docs', 'ideas-repo', path, '..'), { recursive: true });
      writeFileSync(join(top, 'docs', 'ideas-repo', path), text);
    }
    writeFileSync(join(top, 'README.md'), 'a bigger project\n');
    git(top, 'init', '-q', '-b', 'main');
    setUser(top, 'bob@example.com');
    git(top, 'add', '-A');
    git(top, 'commit', '-q', '-m', 'init');
    git(top, 'checkout', '-q', '--detach');
    const root = join(top, 'docs', 'ideas-repo');
    const result = await runCli(['vote', 'ship01', '--branch', '--format', 'json'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(
      git(top, 'diff-tree', '--no-commit-id', '--name-only', '-r', 'vote/ship01-bob').trim(),
    ).toBe('docs/ideas-repo/votes/ship01/bob.md');
    expect(readdirSync(root)).not.toContain('votes');
    const { idsOnBranches } = await import('../../src/git/authoring.js');
    expect([...idsOnBranches({ cwd: root, env: process.env }, 'docs/ideas-repo')].sort()).toEqual([
      'price01',
      'ship01',
      'theme01',
    ]);
  });

  it("updates a vote on a branch from the default branch's own file, comments kept", async () => {
    const root = makeIdeasRepo('bob@example.com', {
      ...TREE,
      'votes/ship01/bob.md':
        '---\nidea: ship01 # the shipping one\nvoter: bob\npoints: 1\ndate: 2026-11-20\n---\nMy accounts want it.\n',
    });
    // The working copy differs from main: the branch must start from main's version.
    writeFileSync(join(root, 'votes/ship01/bob.md'), 'local scribbles\n');
    const result = await runCli(['vote', 'ship01', '--points', '2', '--branch'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(git(root, 'show', 'vote/ship01-bob:votes/ship01/bob.md')).toBe(
      '---\nidea: ship01 # the shipping one\nvoter: bob\npoints: 2\ndate: 2026-11-24\n---\nMy accounts want it.\n',
    );
    expect(readFileSync(join(root, 'votes/ship01/bob.md'), 'utf8')).toBe('local scribbles\n');
    const retract = await runCli(['vote', 'ship01', '--retract', '--branch', '--no-branch'], {
      cwd: root,
    });
    expect(retract.code).toBe(0);
  });
});

/**
 * The working tree as one command asks git about it (read/index-scan.ts): each folder listed
 * once whatever the rounds, the answers still a full read's; and `--changed-since` finding the
 * working tree's changes by layers (cli/changed-since.ts), the same paths as one diff of every file.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedSince } from '../src/cli/changed-since.js';
import { gitAt } from '../src/git/git-process.js';
import { readWorkingTreeViaGit } from '../src/read/git-index.js';
import { newIndexScan } from '../src/read/index-scan.js';
import { runCli } from './helpers/cli.js';
import { gitCommands } from './helpers/git-trace.js';
import { BASE_TREE, ideaText, voteText } from './helpers/forge.js';
import { commitAll, git, makeRepo, tempDir, writeTree } from './helpers/repo.js';

async function partialAndFull(root: string, args: string[], as = 'bob') {
  const env = { GIT_AUTHOR_EMAIL: `${as}@example.com`, IDEAS_NO_CACHE: '1' };
  const partial = await runCli(args, { cwd: root, env });
  const full = await runCli(args, { cwd: root, env: { ...env, IDEAS_FULL_READ: '1' } });
  expect(partial).toEqual(full);
  return partial;
}

describe('one scan of the working tree per command', () => {
  it('a root below the top level: files changed on disk are read from disk, as a full read does', async () => {
    const top = makeRepo(
      Object.fromEntries(Object.entries(BASE_TREE).map(([path, text]) => [`sub/${path}`, text])),
    );
    const root = join(top, 'sub');
    // Modified (diff-files names it from the top) and untracked, neither committed.
    writeTree(root, {
      'votes/shipa1/bob.md': voteText('shipa1', 'bob', 'customers: [globex]\n'),
      'votes/chat22/zed.md': voteText('chat22', 'bob'),
    });
    const show = await partialAndFull(root, ['show', 'shipa1', '--format', 'json']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('globex');
    const validate = await partialAndFull(root, ['validate', '--changed-since', 'main']);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('votes/chat22/zed.md');
    expect(validate.stdout).not.toContain('votes/shipa1/bob.md');
  });

  it('vote lists the index, the changed and the untracked files once, for the config and the vote alike', async () => {
    const root = makeRepo(BASE_TREE);
    const trace = join(tempDir(), 'trace.json');
    const result = await runCli(['vote', 'chat22', '--no-branch'], {
      cwd: root,
      env: { GIT_AUTHOR_EMAIL: 'bob@example.com', GIT_TRACE2_EVENT: trace, IDEAS_NO_CACHE: '1' },
    });
    expect(result.code).toBe(0);
    expect(readFileSync(join(root, 'votes/chat22/bob.md'), 'utf8')).toContain('voter: bob');
    const commands = gitCommands(trace);
    const count = (prefix: string) => commands.filter((c) => c.startsWith(prefix)).length;
    expect(count('ls-files -z -s -t')).toBe(1);
    expect(count('ls-files -z -o')).toBe(1);
    expect(count('diff-files')).toBe(1);
    // What was listed with the config holds the vote, its idea and the idea's decisions.
    const listed = commands.find((c) => c.startsWith('ls-files -z -s -t')) ?? '';
    expect(listed).toContain('votes/chat22/');
    expect(listed).toContain('decisions/chat22/');
  });

  it('a whole validate and --changed-since list through the one scanner: each listing once', async () => {
    const root = makeRepo(BASE_TREE);
    writeTree(root, { 'votes/chat22/zed.md': voteText('chat22', 'bob') });
    for (const args of [['validate'], ['validate', '--changed-since', 'main']]) {
      const trace = join(tempDir(), 'trace.json');
      const result = await runCli(args, {
        cwd: root,
        env: { GIT_TRACE2_EVENT: trace, IDEAS_NO_CACHE: '1' },
      });
      expect(result.stdout, args.join(' ')).toContain('votes/chat22/zed.md');
      const commands = gitCommands(trace);
      const count = (prefix: string) => commands.filter((c) => c.startsWith(prefix)).length;
      // --changed-since lists the index once per round, by new pathspecs (tested above).
      if (args.length === 1) expect(count('ls-files -z -s -t')).toBe(1);
      expect(count('ls-files -z -o --exclude-standard'), args.join(' ')).toBe(1);
      expect(count('diff-files'), args.join(' ')).toBe(1);
      // `ls-files -m -d` stats the whole index whatever the pathspecs: never asked.
      expect(count('ls-files -z -t -m'), args.join(' ')).toBe(0);
    }
  });

  it('a round after the first streams only what no earlier round did, and reads what a fresh read reads', async () => {
    const root = makeRepo(BASE_TREE);
    writeTree(root, { 'votes/chat22/zed.md': voteText('chat22', 'bob') });
    const trace = join(tempDir(), 'trace.json');
    const dir = gitAt(root, { GIT_TRACE2_EVENT: trace });
    const scan = newIndexScan();
    const inChat = (path: string) => path.startsWith('votes/chat22/');
    const first = await readWorkingTreeViaGit(dir, undefined, { select: inChat }, scan);
    const streamedAfterFirst = gitCommands(trace).filter((c) => c.startsWith('cat-file')).length;
    // The same selection again: every blob it needs was streamed, so no cat-file at all.
    const again = await readWorkingTreeViaGit(dir, undefined, { select: inChat }, scan);
    expect(gitCommands(trace).filter((c) => c.startsWith('cat-file'))).toHaveLength(
      streamedAfterFirst,
    );
    expect(again).toEqual(first);
    // A whole read after the selection: the same files as a read with a scan of its own.
    const whole = await readWorkingTreeViaGit(dir, undefined, undefined, scan);
    const fresh = await readWorkingTreeViaGit(gitAt(root, {}));
    expect(whole?.files.map((f) => f.path)).toEqual(fresh?.files.map((f) => f.path));
    expect(whole?.files.map((f) => f.parsed ?? f.text)).toEqual(
      fresh?.files.map((f) => f.parsed ?? f.text),
    );
    expect(whole?.files.map((f) => f.path)).toContain('votes/chat22/zed.md');
    expect(whole?.files.length).toBeGreaterThan(first?.files.length ?? 0);
  });

  it('--changed-since finds by layers what one diff of the base against the working tree finds', async () => {
    const root = makeRepo({
      ...BASE_TREE,
      'ideas/gone11-gone.md': ideaText('gone11', 'Gone', ['alice']),
      'votes/chat22/erin.md': voteText('chat22', 'erin'),
    });
    git(root, 'checkout', '-q', '-b', 'pr');
    // Committed since the base: changed, renamed, and changed then changed back on disk.
    writeTree(root, {
      'votes/shipa1/bob.md': voteText('shipa1', 'bob', 'customers: [acme]\n'),
      'votes/chat22/erin.md': voteText('chat22', 'erin', 'customers: [acme]\n'),
    });
    git(root, 'mv', 'ideas/gone11-gone.md', 'ideas/gone11-renamed.md');
    commitAll(root, 'pr');
    writeFileSync(join(root, 'votes/chat22/erin.md'), voteText('chat22', 'erin'));
    // Staged only, staged then undone on disk, removed from disk, and untracked.
    writeTree(root, { 'votes/chat22/carol.md': voteText('chat22', 'carol') });
    git(root, 'add', 'votes/chat22/carol.md');
    writeTree(root, { 'ideas/chat22-live-chat.md': ideaText('chat22', 'Live chat!', ['dave']) });
    git(root, 'add', 'ideas/chat22-live-chat.md');
    writeFileSync(
      join(root, 'ideas/chat22-live-chat.md'),
      ideaText('chat22', 'Live chat', ['dave']),
    );
    rmSync(join(root, 'decisions/shipa1/2026-11-12-reviewing.md'));
    writeTree(root, { 'votes/shipa1/dave.md': voteText('shipa1', 'dave') });

    const base = git(root, 'merge-base', 'main', 'HEAD').trim();
    const oneDiff = new Set<string>();
    const fields = git(root, 'diff', '--raw', '-z', '-M', '--no-abbrev', base, '--').split('\0');
    for (const field of fields) if (field && !field.startsWith(':')) oneDiff.add(field);
    for (const path of git(root, 'ls-files', '-z', '-o', '--exclude-standard').split('\0'))
      if (path) oneDiff.add(path);
    const { paths } = await changedSince(gitAt(root, {}), 'main');
    expect(new Set(paths)).toEqual(oneDiff);
    // The layers named more than what differs from the base: changed back, staged then undone.
    expect(oneDiff).not.toContain('votes/chat22/erin.md');
    expect(oneDiff).not.toContain('ideas/chat22-live-chat.md');
    expect(oneDiff).toContain('ideas/gone11-renamed.md');
    expect(oneDiff).toContain('ideas/gone11-gone.md');
    expect(oneDiff).toContain('decisions/shipa1/2026-11-12-reviewing.md');
    expect(oneDiff).toContain('votes/shipa1/dave.md');
    expect(oneDiff).toContain('votes/chat22/carol.md');
  });
});

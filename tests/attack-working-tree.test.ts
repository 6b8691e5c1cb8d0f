/**
 * The working tree as a user leaves it between commits, read by the commands that survey it
 * whole: a tracked record that became a folder, or a named pipe. Exit 70 is always a bug, and
 * so is a command that never ends.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from './helpers/cli.js';
import { BASE_TREE, voteText } from './helpers/forge.js';
import { commitAll, git, makeRepo } from './helpers/repo.js';

describe('a tracked vote that became a folder', () => {
  // Before, git named the vote as changed and read/working-tree.ts readFile opened the folder
  // (open succeeds on a folder) and read it: EISDIR, exit 70. A folder is now read as absent;
  // its own files are listed as untracked and judged on their own.
  it('is judged as removed, its files as misplaced: validate and rank do not fail with 70', async () => {
    const root = makeRepo(BASE_TREE);
    rmSync(join(root, 'votes/shipa1/bob.md'));
    mkdirSync(join(root, 'votes/shipa1/bob.md'));
    writeFileSync(join(root, 'votes/shipa1/bob.md/inner.md'), voteText('shipa1', 'bob'));
    const validate = await runCli(['validate'], { cwd: root });
    expect(validate.stderr).not.toContain('internal error');
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(
      'votes/shipa1/bob.md/inner.md:1:1  error  repo/misplaced-file',
    );
    const rank = await runCli(['rank'], { cwd: root });
    expect(rank.stderr).not.toContain('internal error');
    expect(rank.code).toBe(0);
  });
});

describe('a tracked vote that became a named pipe', () => {
  // Before, readFile's openSync on the pipe waited for a writer for ever: validate (whole, and
  // --changed-since) never ended. It now opens without blocking and refuses what is not a
  // regular file before reading a byte.
  it('is refused with a message, and validate ends', () => {
    const root = makeRepo(BASE_TREE);
    rmSync(join(root, 'votes/shipa1/bob.md'));
    execFileSync('mkfifo', [join(root, 'votes/shipa1/bob.md')]);
    for (const args of [['validate'], ['validate', '--changed-since', 'HEAD']]) {
      // The binary, with a timeout: in-process, the blocked open would hang the test worker.
      const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd: root,
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, NO_COLOR: '1', IDEAS_NO_CACHE: '1', IDEAS_TODAY: '2026-11-24' },
      });
      expect(result.signal, args.join(' ')).toBeNull();
      expect(result.stderr).not.toContain('internal error');
      expect(result.stdout).toContain('votes/shipa1/bob.md');
      expect(result.stdout).toContain('not a regular file');
    }
  }, 60_000);
});

describe('a submodule inside the ideas root, with work of its own', () => {
  // Before, `diff-files` named a submodule whose checkout differs as changed, and its folder
  // was read from disk: `show` and `validate --changed-since` exited 70 with EISDIR. DIFF_FILES
  // in read/index-scan.ts now passes --ignore-submodules (what a submodule holds is never a
  // record), and a folder read from disk is absent anyway.
  it('is passed over by show and validate --changed-since, as by validate', async () => {
    const root = makeRepo(BASE_TREE);
    const inner = join(root, 'votes/shipa1/sub.md');
    mkdirSync(inner, { recursive: true });
    git(inner, 'init', '-q', '-b', 'main');
    writeFileSync(join(inner, 'notes.md'), 'one\n');
    commitAll(inner, 'inner');
    // An embedded repository is added as a gitlink (mode 160000), as a submodule is.
    commitAll(root, 'add the submodule');
    writeFileSync(join(inner, 'notes.md'), 'two\n');
    for (const args of [
      ['validate'],
      ['validate', '--changed-since', 'HEAD~1'],
      ['show', 'shipa1'],
    ]) {
      const result = await runCli(args, { cwd: root });
      expect(result.stderr, args.join(' ')).not.toContain('internal error');
      expect(result.code, args.join(' ')).toBe(0);
    }
  });
});

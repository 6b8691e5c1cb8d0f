/**
 * The git processes the commands people wait on start, read from git's own trace
 * (GIT_TRACE2_EVENT): none twice for the same answer (git-process.ts runGitOnce), one listing of
 * the working tree and one `cat-file --batch` where one round of reading is all a command needs.
 * Counted, not timed: a later change that brings a duplicate back fails here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary, runCli } from './helpers/cli.js';
import { BASE_TREE, voteText } from './helpers/forge.js';
import { commitAll, git, makeRepo, tempDir, writeTree } from './helpers/repo.js';

/** Each git process a run started, as its arguments, from git's trace of it. */
async function gitProcesses(
  root: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; commands: string[] }> {
  const trace = join(tempDir(), 'trace.json');
  writeFileSync(trace, '');
  const result = await runCli(args, {
    cwd: root,
    env: { GIT_AUTHOR_EMAIL: 'bob@example.com', GIT_TRACE2_EVENT: trace, ...env },
  });
  return { code: result.code, stdout: result.stdout, commands: startedIn(trace) };
}

function startedIn(trace: string): string[] {
  return readFileSync(trace, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"event":"start"'))
    .map((line) => (JSON.parse(line) as { argv: string[] }).argv.slice(1).join(' '));
}

/** The command lines started more than once. */
function repeated(commands: readonly string[], except: (command: string) => boolean = () => false) {
  const seen = new Map<string, number>();
  for (const command of commands) seen.set(command, (seen.get(command) ?? 0) + 1);
  return [...seen].filter(([command, n]) => n > 1 && !except(command)).map(([command]) => command);
}

const count = (commands: readonly string[], prefix: string) =>
  commands.filter((c) => c.startsWith(prefix)).length;

/** A clone on a branch `pr` that adds one vote, as CI checks it out. */
function pullRequest(): string {
  const root = makeRepo(BASE_TREE);
  git(root, 'checkout', '-q', '-b', 'pr');
  writeTree(root, { 'votes/chat22/bob.md': voteText('chat22', 'bob') });
  git(root, 'add', '.');
  commitAll(root, 'Vote for chat22');
  return root;
}

describe('git processes of the interactive commands', () => {
  it('vote: one lock folder, one listing, one cat-file, one author ident', async () => {
    const root = makeRepo(BASE_TREE);
    const { code, commands } = await gitProcesses(root, ['vote', 'chat22', '--no-branch'], {
      IDEAS_NO_CACHE: '1',
    });
    expect(code).toBe(0);
    expect(readFileSync(join(root, 'votes/chat22/bob.md'), 'utf8')).toContain('voter: bob');
    expect(repeated(commands)).toEqual([]);
    expect(count(commands, 'rev-parse --git-common-dir')).toBe(1);
    expect(count(commands, 'var GIT_AUTHOR_IDENT')).toBe(1);
    expect(count(commands, 'ls-files -z -s -t')).toBe(1);
    expect(count(commands, 'cat-file --batch')).toBe(1);
    expect(commands.length).toBeLessThanOrEqual(6);
  });

  it('review: each read judges the decision from the listing and the cat-file the config came with', async () => {
    const root = makeRepo(BASE_TREE);
    const { code, commands } = await gitProcesses(
      root,
      ['review', 'chat22', '--status', 'reviewing', '--no-branch'],
      { GIT_AUTHOR_EMAIL: 'carol@example.com', IDEAS_NO_CACHE: '1' },
    );
    expect(code).toBe(0);
    // Read before the prompts, and again once the lock is held: another review may have landed.
    const reads = (c: string) =>
      c.startsWith('cat-file --batch') || c.startsWith('ls-files -z') || c.startsWith('diff-files');
    expect(repeated(commands, reads)).toEqual([]);
    expect(count(commands, 'ls-files -z -s -t')).toBe(2);
    expect(count(commands, 'cat-file --batch')).toBe(2);
    expect(count(commands, 'var GIT_AUTHOR_IDENT')).toBe(1);
  });

  it('show: one listing and one cat-file', async () => {
    const root = makeRepo(BASE_TREE);
    const show = await gitProcesses(root, ['show', 'shipa1', '--format', 'json']);
    expect(show.code).toBe(0);
    expect(repeated(show.commands)).toEqual([]);
    expect(count(show.commands, 'ls-files -z -s -t')).toBe(1);
    expect(count(show.commands, 'cat-file --batch')).toBeLessThanOrEqual(1);
    // The built binary keeps its answer in the git folder: found once, for the key and the parse cache.
    const trace = join(tempDir(), 'trace.json');
    const built = runBinary(['show', 'shipa1', '--format', 'json'], {
      cwd: root,
      env: { GIT_TRACE2_EVENT: trace },
    });
    expect(built.code).toBe(0);
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(show.stdout));
    const commands = startedIn(trace);
    expect(repeated(commands)).toEqual([]);
    expect(count(commands, 'rev-parse --git-common-dir')).toBe(1);
  });

  it('check: each question of the history asked once, whoever asks it', async () => {
    const root = pullRequest();
    const { code, stdout, commands } = await gitProcesses(
      root,
      ['check', '--base', 'main', '--actor', 'bob', '--format', 'json'],
      { IDEAS_NO_CACHE: '1' },
    );
    expect(code, stdout).toBe(0);
    expect(stdout).toContain('votes/chat22/bob.md');
    // Each side is streamed once: the base tip, then the branch's own files.
    expect(repeated(commands, (c) => c.startsWith('cat-file --batch'))).toEqual([]);
    expect(count(commands, 'cat-file --batch')).toBeLessThanOrEqual(2);
    expect(count(commands, 'rev-parse --show-toplevel')).toBe(1);
    expect(count(commands, 'rev-parse --is-shallow-repository')).toBe(1);
    // The commits the refs resolved to are not resolved again by the readers.
    const resolved = commands.filter((c) => c.startsWith('rev-parse --verify'));
    expect(resolved).toEqual([
      'rev-parse --verify --quiet --end-of-options main^{commit}',
      'rev-parse --verify --quiet --end-of-options HEAD^{commit}',
    ]);
  });

  it('check: a second run on the same commits resolves them and reads nothing', () => {
    const root = pullRequest();
    const argv = ['check', '--base', 'main', '--actor', 'bob', '--format', 'json'];
    const run = () => {
      const trace = join(tempDir(), 'trace.json');
      writeFileSync(trace, '');
      // A summary to write would be computed each time: none here, whatever the runner says.
      const env = { GIT_TRACE2_EVENT: trace, GITHUB_STEP_SUMMARY: '' };
      const result = runBinary(argv, { cwd: root, env });
      return { ...result, commands: startedIn(trace) };
    };
    const first = run();
    expect(first.code, first.stderr).toBe(0);
    const second = run();
    expect(second.stdout).toBe(first.stdout);
    // The root, the history's depth, the two commits and where the cache is: no listing, no
    // blob, no diff, no log.
    expect(second.commands).toEqual([
      'rev-parse --show-toplevel',
      'rev-parse --is-shallow-repository',
      'rev-parse --verify --quiet --end-of-options main^{commit}',
      'rev-parse --verify --quiet --end-of-options HEAD^{commit}',
      'rev-parse --git-common-dir',
    ]);
    expect(first.commands.length).toBeGreaterThan(second.commands.length + 5);
  });

  it('validate --changed-since: one listing of the working tree and one cat-file', async () => {
    const root = pullRequest();
    const { code, stdout, commands } = await gitProcesses(
      root,
      ['validate', '--changed-since', 'main', '--format', 'json'],
      { IDEAS_NO_CACHE: '1' },
    );
    expect(code, stdout).toBe(0);
    expect(repeated(commands)).toEqual([]);
    // What judging the vote reads (its idea's decisions) is listed with it, not in a round after.
    expect(count(commands, 'ls-files -z -s -t')).toBe(1);
    expect(count(commands, 'cat-file --batch')).toBe(1);
  });
});

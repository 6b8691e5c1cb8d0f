/**
 * Interrupts at chosen points, as the built binary: a signal sent while a given git call runs
 * (the fake git of fake-git.ts signals its parent, then does the real work), Ctrl-C to the
 * whole process group in the middle of a push, and Ctrl-C at a prompt in a real terminal.
 *
 * Properties: the exit code is 130 (SIGINT) or 143 (SIGTERM) with a message, or 2/3 with one;
 * the repository (HEAD, branches, index, working tree, the remote) is as before or as after;
 * no temporary index is left; and running the command again succeeds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIN, runBinary } from '../helpers/cli.js';
import { BODY, addBareRemote, makeIdeasRepo } from '../helpers/authoring.js';
import { tempDir } from '../helpers/repo.js';
import { hasTmux, startTmux } from '../helpers/tmux.js';
import { REAL_GIT, fakeGit, runCounter, type FakeGit } from './fake-git.js';

const SEED = Number(process.env.IDEAS_FUZZ_SEED ?? 20261124);
const CRASH = /internal error|^\s+at .+:\d+:\d+\)?$/m;

const ENV = {
  NO_COLOR: '1',
  IDEAS_TODAY: '2026-11-24',
  IDEAS_NO_CACHE: '1',
  GIT_AUTHOR_DATE: '2026-11-24T12:00:00Z',
  GIT_COMMITTER_DATE: '2026-11-24T12:00:00Z',
};

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The binary, with `env`; `during(pid)` may act on it (signal its group) while it runs. */
function start(
  argv: string[],
  cwd: string,
  env: Record<string, string>,
  during?: (pid: number) => Promise<void>,
): Promise<Ended> {
  return new Promise((resolve) => {
    // Its own process group, as a shell makes for a job: Ctrl-C goes to the whole group.
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd,
      env: { ...process.env, ...ENV, ...env },
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end();
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    if (during && child.pid !== undefined) void during(child.pid);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs with the fake git: at the first call of `on` (or call number `at`), `mode` happens. */
function withFault(
  argv: string[],
  cwd: string,
  fake: FakeGit,
  fault: { at?: number; on?: string; mode: 'SIGINT' | 'SIGTERM' },
  env: Record<string, string> = {},
): Promise<Ended> {
  return start(argv, cwd, {
    PATH: `${fake.bin}:${process.env.PATH ?? ''}`,
    FAKE_GIT_COUNTER: runCounter(fake),
    FAKE_GIT_AT: String(fault.at ?? 0),
    FAKE_GIT_ON: fault.on ?? '',
    FAKE_GIT_MODE: fault.mode,
    ...env,
  });
}

const run = (root: string, ...args: string[]) =>
  spawnSync(REAL_GIT, args, { cwd: root, encoding: 'utf8' }).stdout;

/** HEAD, local branches, index and working tree of a clone; the branches of a bare remote. */
function stateOf(root: string, bare?: string): string {
  return [
    run(root, 'rev-parse', 'HEAD'),
    run(root, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads'),
    run(root, 'ls-files', '--stage'),
    run(root, 'status', '--porcelain=v1', '-uall'),
    bare ? run(bare, 'for-each-ref', '--format=%(refname) %(objectname)') : '',
  ].join('\n');
}

function leftIndexes(root: string, tmp: string): string[] {
  const own = join(root, '.git', 'ideas', 'tmp');
  return [
    ...readdirSync(tmp).filter((name) => name.startsWith('ideas-index-')),
    ...(existsSync(own) ? readdirSync(own) : []),
  ];
}

const exitOf = (signal: 'SIGINT' | 'SIGTERM') => (signal === 'SIGINT' ? 130 : 143);

describe('interrupts: vote --branch --push', () => {
  /** A clone with a bare remote whose pre-receive hook marks that it runs, then takes `seconds`. */
  function pushRepo(seconds: number): { root: string; bare: string; marker: string } {
    const root = makeIdeasRepo('carol@example.com');
    const bare = addBareRemote(root);
    const marker = join(tempDir('ideas-hook-'), 'receiving');
    const hook = join(bare, 'hooks', 'pre-receive');
    writeFileSync(hook, `#!/bin/sh\ncat > /dev/null\ntouch '${marker}'\nsleep ${seconds}\n`);
    chmodSync(hook, 0o755);
    return { root, bare, marker };
  }
  const VOTE = ['vote', 'ship01', '--branch', '--push'];

  it('Ctrl-C to the whole job while the remote runs its hook: exit 130, nothing left, the retry pushes', async () => {
    const { root, bare, marker } = pushRepo(10);
    const before = stateOf(root, bare);
    const ended = await start(VOTE, root, {}, async (pid) => {
      while (!existsSync(marker)) await new Promise((r) => setTimeout(r, 20));
      process.kill(-pid, 'SIGINT');
    });
    expect(ended.code, ended.stderr).toBe(130);
    expect(ended.stderr).toMatch(/^ideas: interrupted \(SIGINT\)/m);
    expect(ended.stderr).not.toMatch(CRASH);
    // The push died with the job: the branch this run made is gone, the remote never had it.
    expect(stateOf(root, bare)).toBe(before);

    writeFileSync(join(bare, 'hooks', 'pre-receive'), '#!/bin/sh\ncat > /dev/null\n');
    const retry = runBinary(VOTE, { cwd: root, env: ENV });
    expect(retry.code, retry.stderr).toBe(0);
    expect(run(bare, 'for-each-ref', 'refs/heads/vote')).toContain('refs/heads/vote/ship01-carol');
  });

  it('SIGINT to ideas alone as the push starts: the push ends, exit 130, and the retry succeeds', async () => {
    const { root, bare } = pushRepo(0);
    const before = stateOf(root);
    const ended = await withFault(VOTE, root, fakeGit(), { on: 'push', mode: 'SIGINT' });
    expect(ended.code, ended.stderr).toBe(130);
    expect(ended.stderr).toMatch(/^ideas: interrupted \(SIGINT\)/m);
    // The signal came while git pushed: the push finished first, so the vote is as after:
    // the branch here and on the remote, at one commit holding the vote; the checkout untouched.
    const tip = run(root, 'rev-parse', 'refs/heads/vote/ship01-carol').trim();
    expect(run(bare, 'rev-parse', 'refs/heads/vote/ship01-carol').trim()).toBe(tip);
    expect(run(root, 'show', `${tip}:votes/ship01/carol.md`)).toContain('voter: carol');
    expect(stateOf(root).replace(/^refs\/heads\/vote\/.*\n/m, '')).toBe(before);
    const withBranch = stateOf(root, bare);
    // Again: the branch an interrupted run left holds exactly this vote, so it is taken as is.
    const retry = runBinary(VOTE, { cwd: root, env: ENV });
    expect(retry.code, retry.stderr).toBe(0);
    expect(retry.stdout).toContain('vote/ship01-carol');
    expect(stateOf(root, bare)).toBe(withBranch);
  });

  it('a branch of the same name holding other work is refused, and left alone', () => {
    const { root } = pushRepo(0);
    expect(runBinary(['vote', 'ship01', '--branch'], { cwd: root, env: ENV }).code).toBe(0);
    const tip = run(root, 'rev-parse', 'refs/heads/vote/ship01-carol');
    const other = runBinary(['vote', 'ship01', '--branch', '--points', '2'], {
      cwd: root,
      env: ENV,
    });
    expect(other.code).toBe(3);
    expect(other.stderr).toMatch(/the branch vote\/ship01-carol already exists/);
    expect(run(root, 'rev-parse', 'refs/heads/vote/ship01-carol')).toBe(tip);
  });
});

describe('interrupts: new --branch, a signal at git calls', () => {
  it('SIGINT or SIGTERM while the temporary index exists (and at other calls): exit 130/143, as before or after, no index left', async () => {
    const template = makeIdeasRepo('carol@example.com');
    const tmp = tempDir('ideas-tmpdir-');
    const body = join(tempDir('ideas-body-'), 'body.md');
    writeFileSync(body, BODY.replace('next-morning', 'same-day'));
    const argv = [
      'new',
      ...['--title', 'Interrupted idea', '--team', 'sales', '--body-file', body, '--yes'],
      '--branch',
    ];
    const fake = fakeGit();
    // A reference run lists the git calls: the ones from read-tree to update-ref use the index.
    const log = join(tmp, 'calls.log');
    const reference = await start(argv, copyOf(template), {
      PATH: `${fake.bin}:${process.env.PATH ?? ''}`,
      FAKE_GIT_COUNTER: runCounter(fake),
      FAKE_GIT_LOG: log,
      TMPDIR: tmp,
    });
    expect(reference.code, reference.stderr).toBe(0);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    const first = calls.findIndex((line) => / read-tree /.test(` ${line.split('\t')[2]} `));
    const last = calls.findIndex((line) => (line.split('\t')[2] ?? '').startsWith('update-ref'));
    expect(first).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(first);
    const others = fc.sample(fc.integer({ min: 1, max: calls.length }), { seed: SEED, numRuns: 3 });
    const points = [
      ...Array.from({ length: last - first + 1 }, (_, i) => first + 1 + i),
      ...others,
    ];
    const before = stateOf(template);
    const failures: string[] = [];
    for (const [index, at] of points.entries()) {
      const mode = index % 2 === 0 ? 'SIGINT' : 'SIGTERM';
      const root = copyOf(template);
      const ended = await withFault(argv, root, fake, { at, mode }, { TMPDIR: tmp });
      const where = `${mode} at git call ${at} (${calls[at - 1]?.split('\t')[2] ?? '?'})`;
      const state = stateOf(root);
      // Before the write starts, nothing needs protecting: Node's own death by the signal
      // (which a shell reports as 130 or 143) is fine there, with the repository as before.
      const diedEarly = ended.signal === mode && state === before;
      if (ended.code !== exitOf(mode) && !diedEarly)
        failures.push(`${where}: exit ${ended.code ?? ended.signal}`);
      else if (!diedEarly && !/^ideas: interrupted/m.test(ended.stderr))
        failures.push(`${where}: no message`);
      if (CRASH.test(ended.stderr)) failures.push(`${where}: ${ended.stderr}`);
      const branches = run(root, 'for-each-ref', '--format=%(refname)', 'refs/heads/idea');
      // As after: exactly one idea branch, and nothing else changed.
      const asAfter =
        branches.trim().split('\n').length === 1 &&
        state.replace(/^refs\/heads\/idea\/.*\n/m, '') === before;
      if (state !== before && !asAfter) failures.push(`${where}: between before and after`);
      const left = leftIndexes(root, tmp);
      if (left.length > 0) failures.push(`${where}: left ${left.join(', ')}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

function copyOf(template: string): string {
  const dir = join(tempDir('ideas-int-'), 'repo');
  spawnSync('cp', ['-a', template, dir]);
  return dir;
}

describe.skipIf(!hasTmux)('interrupts: Ctrl-C in a real terminal (tmux)', () => {
  it('Ctrl-C at the second question of new: exit 130, the first answer kept in a draft', async () => {
    const root = makeIdeasRepo('alice@example.com');
    const tmp = tempDir('ideas-tmpdir-');
    const exitFile = join(tempDir(), 'exit');
    const term = startTmux(
      root,
      `env -u EDITOR -u VISUAL NO_COLOR=1 IDEAS_TODAY=2026-11-24 TMPDIR=${tmp} ${process.execPath} ${BIN} new; echo $? > ${exitFile}; sleep 60`,
    );
    await term.waitFor('Title: the idea in a few words');
    term.type('Printer runbooks by QR code');
    term.keys('Enter');
    await term.waitFor('(no team)');
    term.keys('C-c');
    const until = Date.now() + 10_000;
    while (!existsSync(exitFile) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(readFileSync(exitFile, 'utf8').trim()).toBe('130');
    const drafts = readdirSync(tmp).filter((name) => name.startsWith('ideas-draft-'));
    expect(drafts).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(tmp, drafts[0] ?? ''), 'utf8'))).toEqual({
      title: 'Printer runbooks by QR code',
    });
    expect(term.screen()).toContain('your answers so far are kept: ideas new --from-json');
    expect(readdirSync(join(root, 'ideas'))).toHaveLength(3);
  });
});

/**
 * The fault campaign: the built binary against a git that fails, hangs or lies, signals in the
 * middle of a write, a full disk, a read-only repository, no identity, no HOME, a held index.
 *
 * Properties: the exit code is 0 (the fault hit nothing that mattered), 2 or 3 with a message,
 * never 70 and never a stack; after a failed run the repository (HEAD, branches, index, working
 * tree) is exactly as before; after a run that succeeded, it is as after a run without faults.
 * Interrupts at chosen points of the writers are in interrupts.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BIN, runBinary, type CliResult } from '../helpers/cli.js';
import { BODY, TREE, makeIdeasRepo, setUser } from '../helpers/authoring.js';
import { git, tempDir, writeTree } from '../helpers/repo.js';
import { REAL_GIT, callsOf, fakeGit, runCounter, type FakeGit } from './fake-git.js';

const SEED = Number(process.env.IDEAS_FUZZ_SEED ?? 20261124);
/** What a crash prints. */
const CRASH = /internal error|^\s+at .+:\d+:\d+\)?$/m;

interface Faulty extends CliResult {
  calls: number;
}

const FAULT_ENV = {
  NO_COLOR: '1',
  IDEAS_TODAY: '2026-11-24',
  IDEAS_NO_CACHE: '1',
  // Fixed commit dates: a commit made twice is the same commit, so states compare.
  GIT_AUTHOR_DATE: '2026-11-24T12:00:00Z',
  GIT_COMMITTER_DATE: '2026-11-24T12:00:00Z',
};

function runWithGit(
  argv: string[],
  cwd: string,
  fake: FakeGit,
  fault: { at: number; mode: 'fail' | 'garbage' | 'hang' },
  extraEnv: Record<string, string> = {},
): Promise<Faulty> {
  const counter = runCounter(fake);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd,
      env: {
        ...process.env,
        ...FAULT_ENV,
        PATH: `${fake.bin}:${process.env.PATH ?? ''}`,
        FAKE_GIT_COUNTER: counter,
        FAKE_GIT_AT: String(fault.at),
        FAKE_GIT_MODE: fault.mode,
        ...extraEnv,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end();
    // A run that hangs is killed: 8 s for the hanging git, 20 s for any other.
    const timer = setTimeout(() => child.kill('SIGKILL'), fault.mode === 'hang' ? 8_000 : 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const calls = callsOf(counter);
      rmSync(counter, { force: true });
      resolve({ code: code ?? -1, stdout, stderr, calls });
    });
  });
}

/** Runs `work` on 0..count-1, two at a time (the machine has two cores). */
async function inPairs<T>(count: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i += 2) {
    const batch = [work(i)];
    if (i + 1 < count) batch.push(work(i + 1));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

/** HEAD, branches, index and working tree, as one comparable value (read with the real git). */
function stateOf(root: string): string {
  const run = (...args: string[]) =>
    spawnSync(REAL_GIT, args, { cwd: root, encoding: 'utf8' }).stdout;
  const status = run('status', '--porcelain=v1', '-uall', '--ignored');
  const hash = createHash('sha256');
  for (const line of status.split('\n')) {
    const path = line.slice(3);
    if (path && existsSync(join(root, path)) && statSync(join(root, path)).isFile())
      hash.update(path).update(readFileSync(join(root, path)));
  }
  return [
    run('rev-parse', 'HEAD'),
    run('for-each-ref', '--format=%(refname) %(objectname)'),
    run('ls-files', '--stage'),
    status,
    hash.digest('hex'),
  ].join('\n');
}

function copyRepo(template: string): string {
  const dir = join(tempDir('ideas-fault-'), 'repo');
  spawnSync('cp', ['-a', template, dir]);
  return dir;
}

const bodyFile = () => {
  const path = join(tempDir('ideas-body-'), 'body.md');
  writeFileSync(path, BODY.replace('next-morning', 'same-day'));
  return path;
};

interface Writer {
  name: string;
  argv: (body: string) => string[];
  /** Its result does not depend on a random id: the state after a success is known. */
  deterministic: boolean;
}

const WRITERS: Writer[] = [
  { name: 'vote', argv: () => ['vote', 'ship01', '--points', '1'], deterministic: true },
  { name: 'vote --branch', argv: () => ['vote', 'ship01', '--branch'], deterministic: true },
  {
    name: 'review',
    argv: () => ['review', 'ship01', '--status', 'reviewing'],
    deterministic: true,
  },
  {
    name: 'new --branch',
    argv: (body) => [
      'new',
      '--title',
      'Faulty idea',
      '--team',
      'sales',
      '--body-file',
      body,
      '--yes',
      '--branch',
    ],
    deterministic: false,
  },
];

/**
 * Failures of one property over the fault points, as readable lines: every git call of the
 * command fails (or prints garbage) in turn, two runs at a time.
 */
async function faultSweep(
  writer: Writer,
  mode: 'fail' | 'garbage',
): Promise<{ points: number; failures: string[] }> {
  const template = makeIdeasRepo('carol@example.com');
  const fake = fakeGit();
  const body = bodyFile();
  const clean = copyRepo(template);
  const reference = await runWithGit(writer.argv(body), clean, fake, { at: 0, mode });
  expect(reference.code, reference.stderr).toBe(0);
  const after = stateOf(clean);
  const step = 1;
  // The number of fault points, for the CI log (and the README's counts).
  console.log(
    `fault points: ${writer.name}: ${reference.calls} git calls, ${mode} at every ${step === 1 ? '' : `${step}rd `}call`,
  );
  const found = await inPairs(Math.ceil(reference.calls / step), async (index) => {
    const at = index * step + 1;
    const root = copyRepo(template);
    const before = stateOf(root);
    const result = await runWithGit(writer.argv(body), root, fake, { at, mode });
    const state = stateOf(root);
    const where = `${writer.name}, ${mode} at git call ${at}/${reference.calls}`;
    if (![0, 2, 3].includes(result.code))
      return `${where}: exit ${result.code}: ${result.stderr.trim().split('\n')[0]}`;
    if (CRASH.test(result.stderr)) return `${where}: crash: ${result.stderr.trim()}`;
    if (result.code !== 0 && !/^ideas: \S/m.test(result.stderr))
      return `${where}: exit ${result.code} without a message`;
    if (result.code !== 0 && state !== before)
      return `${where}: failed (exit ${result.code}) but the repository changed`;
    if (result.code === 0 && writer.deterministic && state !== after)
      return `${where}: succeeded but the repository is not as after a clean run`;
    return undefined;
  });
  return {
    points: Math.ceil(reference.calls / step),
    failures: found.filter((f) => f !== undefined),
  };
}

function sweepTests(writer: Writer, mode: 'fail' | 'garbage', title: string): void {
  it(`${writer.name}: ${title}`, async () => {
    const { points, failures } = await faultSweep(writer, mode);
    expect(points).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  }, 180_000);
}

describe('faults: git fails at call N, for every N', () => {
  for (const writer of WRITERS)
    sweepTests(writer, 'fail', 'every failing git call is exit 2/3 with the repository as before');
});

describe('faults: git prints garbage at call N, for every N', () => {
  for (const writer of WRITERS) sweepTests(writer, 'garbage', 'garbage from git is never a crash');

  for (const command of [['validate'], ['rank'], ['list'], ['queue']]) {
    it(`${command.join(' ')}: garbage or failure at every git call is exit 0-3, never a crash`, async () => {
      const root = makeIdeasRepo('carol@example.com');
      const fake = fakeGit();
      const reference = await runWithGit(command, root, fake, { at: 0, mode: 'fail' });
      const failures: string[] = [];
      for (const mode of ['fail', 'garbage'] as const) {
        const results = await inPairs(reference.calls, (index) =>
          runWithGit(command, root, fake, { at: index + 1, mode }),
        );
        results.forEach((result, index) => {
          if (![0, 1, 2, 3].includes(result.code) || CRASH.test(result.stderr))
            failures.push(`${mode} at ${index + 1}: exit ${result.code}: ${result.stderr.trim()}`);
        });
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('faults: git hangs', () => {
  // A short timeout here; the default (120 s) is for real remotes and big repositories.
  for (const [where, fault] of [
    ['its first call', { at: 1 }],
    ['the blob stream (cat-file --batch)', { at: 0, on: 'cat-file' }],
  ] as const) {
    it(`validate with a git that never answers at ${where}: exit 3 naming the call`, async () => {
      const root = makeIdeasRepo();
      const fake = fakeGit();
      const result = await runWithGit(
        ['validate'],
        root,
        fake,
        { at: fault.at, mode: 'hang' },
        { IDEAS_GIT_TIMEOUT: '1', ...('on' in fault ? { FAKE_GIT_ON: fault.on } : {}) },
      );
      expect(result.code, result.stderr).toBe(3);
      expect(result.stderr).toMatch(/^ideas: git did not answer within 1 s: git \S+/m);
      expect(result.stderr).toContain('IDEAS_GIT_TIMEOUT');
      expect(result.stderr).not.toMatch(CRASH);
    });
  }

  it('IDEAS_GIT_TIMEOUT that is not a number of seconds is a usage error', () => {
    const root = makeIdeasRepo();
    const result = runBinary(['validate'], { cwd: root, env: { IDEAS_GIT_TIMEOUT: 'soon' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/IDEAS_GIT_TIMEOUT is "soon", not a number of seconds/);
  });
});

/** Runs the binary and sends `signal` after `delayMs`. */
function interrupted(
  argv: string[],
  cwd: string,
  signal: NodeJS.Signals,
  delayMs: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd,
      env: { ...process.env, ...FAULT_ENV },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(signal), delayMs);
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stderr });
    });
  });
}

describe('faults: SIGINT and SIGTERM at random points of the writers', () => {
  const RUNS = 6;
  for (const writer of WRITERS.filter((w) => w.deterministic)) {
    it(`${writer.name}: interrupted, the repository is as before or as after`, async () => {
      const template = makeIdeasRepo('carol@example.com');
      const body = bodyFile();
      const clean = copyRepo(template);
      expect(runBinary(writer.argv(body), { cwd: clean, env: FAULT_ENV }).code).toBe(0);
      const after = stateOf(clean);
      const before = stateOf(template);
      const points = fc.sample(
        fc.tuple(
          fc.constantFrom<NodeJS.Signals>('SIGINT', 'SIGTERM'),
          fc.integer({ min: 0, max: 600 }),
        ),
        { seed: SEED, numRuns: RUNS },
      );
      const failures: string[] = [];
      for (const [signal, delay] of points) {
        const root = copyRepo(template);
        const result = await interrupted(writer.argv(body), root, signal, delay);
        const state = stateOf(root);
        if (state !== before && state !== after)
          failures.push(`${signal} after ${delay} ms: the repository is between before and after`);
        if (CRASH.test(result.stderr))
          failures.push(`${signal} after ${delay} ms: ${result.stderr}`);
        const stray = readdirSync(root, { recursive: true })
          .map(String)
          .filter((p) => p.endsWith('.tmp') && !p.startsWith('.git/'));
        if (stray.length > 0)
          failures.push(`${signal} after ${delay} ms: left ${stray.join(', ')}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('faults: the machine', () => {
  it('no identity: vote says who to configure, exit 2', () => {
    const root = makeIdeasRepo();
    git(root, 'config', '--unset', 'user.email');
    git(root, 'config', '--unset', 'user.name');
    const result = runBinary(['vote', 'ship01'], {
      cwd: root,
      env: {
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        EMAIL: '',
        GIT_AUTHOR_EMAIL: '',
        GIT_COMMITTER_EMAIL: '',
      },
    });
    expect([2, 3]).toContain(result.code);
    expect(result.stderr).toMatch(/^ideas: /m);
    expect(result.stderr).not.toMatch(CRASH);
    expect(existsSync(join(root, 'votes'))).toBe(false);
  });

  it('HOME unset: validate and vote still work', () => {
    const root = makeIdeasRepo('carol@example.com');
    const env: Record<string, string | undefined> = {
      ...process.env,
      NO_COLOR: '1',
      IDEAS_TODAY: '2026-11-24',
    };
    delete env.HOME;
    for (const argv of [['validate'], ['vote', 'ship01']]) {
      const result = spawnSync(process.execPath, [BIN, ...argv], {
        cwd: root,
        env,
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
    }
  });

  it("index.lock present: branch writers exit 3 with git's reason, the repository as before", () => {
    const root = makeIdeasRepo('carol@example.com');
    writeFileSync(join(root, '.git', 'index.lock'), '');
    const before = stateOf(root);
    for (const argv of [
      ['vote', 'ship01', '--branch'],
      ['review', 'ship01', '--status', 'reviewing', '--branch'],
    ]) {
      const result = runBinary(argv, { cwd: root });
      expect([0, 2, 3], result.stderr).toContain(result.code);
      expect(result.stderr).not.toMatch(CRASH);
      if (result.code !== 0) expect(stateOf(root)).toBe(before);
    }
  });

  it('report --open writes to a fresh, unpredictable file each time', () => {
    const root = makeIdeasRepo();
    const bin = tempDir('ideas-opener-');
    writeFileSync(join(bin, 'xdg-open'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}` };
    const first = runBinary(['report', '--open', '--format', 'md'], {
      cwd: root,
      env,
    }).stdout.trim();
    const second = runBinary(['report', '--open', '--format', 'md'], {
      cwd: root,
      env,
    }).stdout.trim();
    expect(first).not.toBe(second);
    expect(first).not.toBe(join(tmpdir(), 'ideas-report-2026-11-24.md'));
    expect(readFileSync(first, 'utf8')).toContain('#');
    for (const path of [first, second]) rmSync(join(path, '..'), { recursive: true, force: true });
  });
});

/** A small file system of its own, when the machine lets us mount one (root, Linux). */
function mountTmpfs(sizeKb: number): string | undefined {
  const dir = tempDir('ideas-tmpfs-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
  if (mounted.status !== 0) return undefined;
  onTestFinished(() => {
    spawnSync('umount', ['-l', dir]);
  });
  return dir;
}

const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const dir = join(tmpdir(), `ideas-mount-probe-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
  if (ok) spawnSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
  return ok;
})();

/** The fixture repository, inside `dir`. */
function repoIn(dir: string): string {
  const root = join(dir, 'repo');
  mkdirSync(root);
  writeTree(root, TREE);
  git(root, 'init', '-q', '-b', 'main');
  setUser(root, 'carol@example.com');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'fixture');
  return root;
}

function strayTemps(root: string): string[] {
  return readdirSync(root, { recursive: true })
    .map(String)
    .filter((path) => path.endsWith('.tmp') && !path.startsWith('.git'));
}

describe.skipIf(!canMount)(
  'faults: full disk and read-only (tmpfs; skipped unless root may mount)',
  () => {
    it('full disk: vote, new and index exit 2 (or 3 from git) saying so, and leave no temp file', () => {
      const dir = mountTmpfs(4096);
      if (!dir) throw new Error('mount failed after the probe succeeded');
      const root = repoIn(dir);
      const body = bodyFile();
      // Fill what is left.
      spawnSync('dd', ['if=/dev/zero', `of=${join(dir, 'filler')}`, 'bs=64k'], { stdio: 'ignore' });
      spawnSync('dd', ['if=/dev/zero', `of=${join(dir, 'filler2')}`, 'bs=1'], { stdio: 'ignore' });
      for (const argv of [
        ['vote', 'ship01', '--comment', 'x'.repeat(20_000)],
        ['new', '--title', 'Disk full idea', '--team', 'sales', '--body-file', body, '--yes'],
        ['index'],
      ]) {
        const result = runBinary(argv, { cwd: root, env: { IDEAS_NO_CACHE: '1' } });
        expect([2, 3], `${argv[0]}: ${result.stderr}`).toContain(result.code);
        expect(result.stderr).toMatch(/disk is full|No space left/);
        expect(result.stderr).not.toMatch(CRASH);
        expect(strayTemps(root)).toEqual([]);
      }
    });

    it('read-only repository: writers exit 2 (or 3) saying so, readers work', () => {
      const dir = mountTmpfs(4096);
      if (!dir) throw new Error('mount failed after the probe succeeded');
      const root = repoIn(dir);
      const body = bodyFile();
      expect(spawnSync('mount', ['-o', 'remount,ro', dir]).status).toBe(0);
      for (const argv of [
        ['vote', 'ship01'],
        ['new', '--title', 'Read-only idea', '--team', 'sales', '--body-file', body, '--yes'],
        ['review', 'ship01', '--status', 'reviewing'],
        ['index'],
      ]) {
        const result = runBinary(argv, { cwd: root, env: { IDEAS_NO_CACHE: '1' } });
        expect([2, 3], `${argv[0]}: ${result.stderr}`).toContain(result.code);
        expect(result.stderr).toMatch(/read-only|Read-only/);
        expect(result.stderr).not.toMatch(CRASH);
      }
      expect(runBinary(['validate'], { cwd: root }).code).toBe(0);
    });
  },
);

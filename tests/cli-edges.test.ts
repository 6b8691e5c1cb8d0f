/**
 * What `run` is handed is what the commands use (env reaches git and the parse cache, the
 * clock is checked), and the edges a new user or a broken git meets: each says what failed,
 * with the exit code of its kind, never 70.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { run as runType } from '../src/cli/run.js';
import { commandSpecs } from '../src/cli/specs/index.js';
import { ID_PATTERN } from '../src/schema/common.js';
import { makeIdeasRepo } from './helpers/authoring.js';
import { runCli } from './helpers/cli.js';
import { git, makeRepo, tempDir, writeTree } from './helpers/repo.js';

const REAL_GIT = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

/** A folder holding a `git` that runs `script` (sh) before handing over to the real git. */
function fakeGit(script: string): string {
  const bin = tempDir();
  writeFileSync(join(bin, 'git'), `#!/bin/sh\n${script}\nexec ${REAL_GIT} "$@"\n`, {
    mode: 0o755,
  });
  return bin;
}

const CONFIG = 'version: 1\nreviewers: [carol]\n';
const idea = (id: string) =>
  `---\nid: ${id}\ntitle: Idea ${id}\nauthors: [alice]\ncreated: 2026-11-01\n---\n## Problem\nSlow.\n\n## Proposal\nFast.\n\n## Evidence\nTickets.\n`;

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('run uses what it is handed', () => {
  it('git runs with the env given to run, not the process environment', async () => {
    const root = makeRepo({ 'ideas.config.yaml': CONFIG, 'ideas/abc123-a.md': idea('abc123') });
    const log = join(tempDir(), 'git.log');
    const bin = fakeGit(`printf '%s\\n' "$IDEAS_PROBE" >> ${log}`);
    expect(process.env.IDEAS_PROBE).toBeUndefined();
    const result = await runCli(['validate'], {
      cwd: root,
      env: { PATH: bin, IDEAS_PROBE: 'handed-to-run' },
    });
    expect(result.code, result.stderr).toBe(0);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines)).toEqual(new Set(['handed-to-run']));
  });

  it('IDEAS_NO_CACHE given to run turns the parse cache off in-process (the built bundle)', async () => {
    // The bundle carries a build id, so its cache is on unless the env handed to run says no.
    const bundle = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'cli.js')).href;
    const { run } = (await import(bundle)) as { run: typeof runType };
    const inProcess = async (root: string, env: Record<string, string | undefined>) => {
      const stdin = new PassThrough();
      stdin.end();
      return run({
        argv: ['validate'],
        cwd: root,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...env },
        stdin,
        stdout: new Capture(),
        stderr: new Capture(),
      });
    };
    const cacheFile = (root: string) => join(root, '.git', 'ideas', 'parse-cache');
    const off = makeRepo({ 'ideas.config.yaml': CONFIG, 'ideas/abc123-a.md': idea('abc123') });
    expect(await inProcess(off, { IDEAS_NO_CACHE: '1' })).toBe(0);
    expect(existsSync(cacheFile(off))).toBe(false);
    const on = makeRepo({ 'ideas.config.yaml': CONFIG, 'ideas/abc123-a.md': idea('abc123') });
    expect(await inProcess(on, {})).toBe(0);
    expect(existsSync(cacheFile(on))).toBe(true);
  });

  it('IDEAS_TODAY that is not a date is a usage error, not NaN scores', async () => {
    const root = makeRepo({ 'ideas.config.yaml': CONFIG, 'ideas/abc123-a.md': idea('abc123') });
    for (const bad of ['garbage', '2026-13-45', '2026-02-30']) {
      const result = await runCli(['rank'], { cwd: root, env: { IDEAS_TODAY: bad } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`IDEAS_TODAY="${bad}" is not a date`);
      expect(result.stdout).toBe('');
    }
  });
});

describe('a git that misbehaves: exit 3 with what failed', () => {
  it('garbage from rev-parse', async () => {
    const root = makeRepo({ 'ideas.config.yaml': CONFIG, 'ideas/abc123-a.md': idea('abc123') });
    const bin = fakeGit('if [ "$1" = rev-parse ]; then echo "%%% not an answer %%%"; exit 0; fi');
    for (const argv of [['check', '--base', 'main'], ['pending'], ['rank', '--ref', 'HEAD']]) {
      const result = await runCli(argv, { cwd: root, env: { PATH: bin } });
      expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(3);
      expect(result.stderr).toMatch(/^ideas: git /);
      expect(result.stderr).not.toContain('internal error');
    }
  });

  it('cat-file dying mid-stream: no unhandled EPIPE, exit 3 naming it', async () => {
    // More ids than a pipe holds, so the writer is still writing when cat-file goes away.
    const tree: Record<string, string> = { 'ideas.config.yaml': CONFIG };
    for (let i = 0; i < 2000; i++) tree[`ideas/a${i}-x.md`] = idea(`a${i}`);
    const root = makeRepo(tree);
    const bin = fakeGit('if [ "$1" = cat-file ]; then head -c 100 > /dev/null; exit 1; fi');
    const result = await runCli(['validate', '--ref', 'HEAD'], { cwd: root, env: { PATH: bin } });
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/^ideas: git cat-file /);
  });

  it("keeps git's line breaks instead of U+FFFD", async () => {
    const root = makeRepo({ 'ideas.config.yaml': CONFIG, 'ideas/abc123-a.md': idea('abc123') });
    const bin = fakeGit(
      `if [ "$1" = ls-tree ]; then printf 'fatal: first line\\r\\nsecond line\\n' >&2; exit 128; fi`,
    );
    const result = await runCli(['validate', '--ref', 'HEAD'], { cwd: root, env: { PATH: bin } });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('ideas: git ls-tree failed: fatal: first line\n  second line\n');
  });
});

describe('edges a new user meets', () => {
  it('init outside git says so and suggests git init', async () => {
    const dir = tempDir();
    const result = await runCli(['init', '--reviewer', 'carol'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '. is not in a git repository, and ideas keeps everything in git.',
    );
    expect(result.stdout).toContain('Next:\n  git init\n  ideas validate\n');
  });

  it('init inside git does not suggest git init', async () => {
    const root = makeRepo({}, { commit: false });
    const result = await runCli(['init', '--reviewer', 'carol'], { cwd: root });
    expect(result.stdout).not.toContain('git init');
    expect(result.stdout).toContain('git add -A && git commit');
  });

  it('init lists each next step once, in the order they are done', async () => {
    const root = makeRepo({}, { commit: false });
    const result = await runCli(['init', '--reviewer', 'carol'], { cwd: root });
    const next = result.stdout.slice(result.stdout.indexOf('Next:\n'));
    expect(next.split('\n').filter(Boolean)).toEqual([
      'Next:',
      '  ideas validate',
      '  edit ideas.config.yaml: teams, people, reviewers',
      '  git add -A && git commit -m "Start an ideas repository" && git push',
      expect.stringMatching(/^ {2}protect \S+: require the ideas check and code-owner review/),
    ]);
    expect(result.stdout.split('git commit').length).toBe(2);
  });

  it('pending outside git exits 3', async () => {
    const dir = tempDir();
    writeTree(dir, { 'ideas.config.yaml': CONFIG });
    const result = await runCli(['pending'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('is not inside a git repository');
  });

  it('--root naming a folder that does not exist says so', async () => {
    const dir = tempDir();
    const result = await runCli(['rank', '--root', 'nowhere'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(dir, 'nowhere')} does not exist`);
    expect(result.stderr).not.toContain('has no ideas.config.yaml');
  });

  it('--actor "" is a usage error, not "use the default"', async () => {
    const root = makeRepo({ 'ideas.config.yaml': CONFIG, 'ideas/abc123-a.md': idea('abc123') });
    git(root, 'checkout', '-q', '-b', 'topic');
    const result = await runCli(['check', '--base', 'main', '--actor', ''], {
      cwd: root,
      env: { GITHUB_ACTOR: 'carol' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--actor is empty');
  });
});

describe('one id resolver', () => {
  it('vote and review take an id in capitals, as show does', async () => {
    const root = makeIdeasRepo('bob@example.com');
    const vote = await runCli(['vote', 'SHIP01'], { cwd: root });
    expect(vote.code, vote.stderr).toBe(0);
    expect(vote.stdout).toBe('wrote votes/ship01/bob.md\n');
    const show = await runCli(['show', 'SHIP01', '--format', 'json'], { cwd: root });
    expect(show.code).toBe(0);
  });

  it('every command says "did you mean" for a near id', async () => {
    const root = makeIdeasRepo('carol@example.com');
    for (const argv of [
      ['vote', 'shipp1'],
      ['review', 'shipp1', '--status', 'reviewing'],
      ['show', 'shipp1'],
    ]) {
      const result = await runCli(argv, { cwd: root });
      expect(result.code, argv[0]).toBe(2);
      expect(result.stderr, argv[0]).toContain('there is no idea "shipp1"');
      expect(result.stderr, argv[0]).toContain('did you mean ship01?');
    }
  });

  it('refuses what cannot be an id before it reaches a path', async () => {
    const root = makeIdeasRepo('bob@example.com');
    const result = await runCli(['vote', '../../etc'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not an idea id');
  });

  it('help examples of vote, review and show use valid ids', () => {
    let checked = 0;
    for (const spec of commandSpecs) {
      for (const example of spec.examples) {
        const match = /^ideas (vote|review|show) (\S+)/.exec(example);
        if (!match) continue;
        expect(match[2], example).toMatch(ID_PATTERN);
        const other = /--duplicate-of (\S+)/.exec(example);
        if (other) expect(other[1], example).toMatch(ID_PATTERN);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});

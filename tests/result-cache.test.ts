// The whole-result cache: an unchanged repository answers from one file; any change, a new
// day, a damaged or foreign file or a concurrent writer never yields a wrong answer.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { BIN, runBinary, type CliResult } from './helpers/cli.js';
import { commitAll, git, makeRepo } from './helpers/repo.js';
import { buildHistoryRepo, commitOn, decision } from './helpers/report-fixture.js';

const config = 'version: 1\nreviewers: [carol]\nteams:\n  web: {}\n';
const idea = (id: string, title: string) =>
  `---\nid: ${id}\ntitle: ${title}\nauthors: [alice]\nteam: web\ncreated: 2026-11-01\n---\n## Problem\nSlow.\n\n## Proposal\nFast.\n\n## Evidence\nTickets.\n`;
const vote = (id: string, voter: string, date = '2026-11-02') =>
  `---\nidea: ${id}\nvoter: ${voter}\ndate: ${date}\npoints: 1\n---\n`;

function sample(): string {
  return makeRepo({
    'ideas.config.yaml': config,
    'ideas/abc123-fast.md': idea('abc123', 'Fast'),
    'ideas/def456-cheap.md': idea('def456', 'Cheap'),
    'votes/abc123/bob.md': vote('abc123', 'bob'),
  });
}

const TRACE = { IDEAS_CACHE_TRACE: '1' };
/** Each test runs the binary a dozen times or more: room for a loaded machine. */
const SLOW = 180_000;
const HIT = /answered \w+ from the result cache/;

function run(root: string, args: string[], env: Record<string, string> = {}): CliResult {
  return runBinary(args, { cwd: root, env: { ...TRACE, ...env } });
}

function resultFiles(root: string): string[] {
  const folder = join(root, '.git', 'ideas', 'results');
  return existsSync(folder) ? readdirSync(folder).map((name) => join(folder, name)) : [];
}

/** Runs twice and once without any cache: the second run must be a hit, all three alike. */
function expectCachedLikeUncached(root: string, args: string[]) {
  const first = run(root, args);
  expect(first.stderr).not.toMatch(HIT);
  const second = run(root, args);
  expect(second.stderr, args.join(' ')).toMatch(HIT);
  const uncached = run(root, [...args, '--no-cache']);
  expect(uncached.stderr).not.toMatch(/cache:/);
  for (const result of [second, uncached]) {
    expect(result.stdout).toBe(first.stdout);
    expect(result.code).toBe(first.code);
  }
  return second;
}

describe('the whole-result cache', () => {
  it(
    'answers validate, rank, list and report a second time from the cache, as without it',
    () => {
      const root = sample();
      for (const args of [
        ['validate', '--format', 'json'],
        ['validate', '--ref', 'HEAD'],
        ['rank', '--by', 'hot', '--tree'],
        ['list', '--search', 'fast'],
        ['report', '--format', 'json'],
      ])
        expectCachedLikeUncached(root, args);
      // The cache lives in the git directory only: the work tree has nothing new.
      expect(git(root, 'status', '--porcelain', '--untracked-files=all')).toBe('');
      expect(resultFiles(root).length).toBe(5);
    },
    SLOW,
  );

  it(
    'is never used or written with --no-cache or IDEAS_NO_CACHE',
    () => {
      const root = sample();
      run(root, ['validate', '--no-cache']);
      run(root, ['rank'], { IDEAS_NO_CACHE: '1' });
      expect(resultFiles(root)).toEqual([]);
      expect(existsSync(join(root, '.git', 'ideas', 'parse-cache'))).toBe(false);
    },
    SLOW,
  );

  it(
    'computes again after any change to a file, the index, the config or the day',
    () => {
      const root = sample();
      const rank = ['rank', '--format', 'json'];
      const before = run(root, rank);
      expect(run(root, rank).stderr).toMatch(HIT);
      // [what, the change, whether the ranking it shows differs]
      const changes: [string, () => Record<string, string> | void, boolean][] = [
        [
          'an edited idea',
          () => writeFileSync(join(root, 'ideas/def456-cheap.md'), idea('def456', 'Cheaper')),
          true,
        ],
        [
          'an untracked vote',
          () => writeFileSync(join(root, 'votes/abc123/dan.md'), vote('abc123', 'dan')),
          true,
        ],
        ['a staged file', () => void git(root, 'add', '-A'), false],
        ['a removed vote', () => rmSync(join(root, 'votes/abc123/bob.md')), true],
        [
          'the config',
          () => writeFileSync(join(root, 'ideas.config.yaml'), `${config}  mobile: {}\n`),
          false,
        ],
        ['another day', () => ({ IDEAS_TODAY: '2026-11-25' }), false],
      ];
      let previous = before.stdout;
      for (const [what, change, differs] of changes) {
        const env = change() ?? {};
        const after = run(root, rank, env);
        expect(after.stderr, what).not.toMatch(HIT);
        expect(after.stdout).toBe(run(root, [...rank, '--no-cache'], env).stdout);
        if (differs) expect(after.stdout, what).not.toBe(previous);
        previous = after.stdout;
        expect(run(root, rank, env).stderr, what).toMatch(HIT);
      }
      // A new commit is a new tree at --ref HEAD; going back to the old one answers from the cache.
      const atRef = ['validate', '--ref', 'HEAD', '--format', 'json'];
      const old = run(root, atRef);
      commitAll(root, 'changes');
      expect(run(root, atRef).stderr).not.toMatch(HIT);
      const back = run(root, [...atRef.slice(0, 2), 'HEAD~1', '--format', 'json']);
      expect(back.stderr).toMatch(HIT);
      expect(back.stdout).toBe(old.stdout);
    },
    SLOW,
  );

  it(
    'checks again when a revision it looked up appears, though no file changed',
    () => {
      const root = buildHistoryRepo();
      commitOn(
        root,
        '2026-11-01',
        decision('aaa1', '2026-05-01', 'shipped', 'implemented_by: [v9.9]\n'),
      );
      const args = ['validate', '--format', 'json'];
      const rules = (result: CliResult) =>
        (JSON.parse(result.stdout) as { problems: { rule: string }[] }).problems.map((p) => p.rule);
      expect(rules(run(root, args))).toContain('decision/implemented-by');
      expect(run(root, args).stderr).toMatch(HIT);
      git(root, 'tag', 'v9.9');
      const tagged = run(root, args);
      expect(tagged.stderr).not.toMatch(HIT);
      expect(rules(tagged)).not.toContain('decision/implemented-by');
    },
    SLOW,
  );

  it(
    'ignores a truncated, corrupt, garbage, empty or foreign cache file and answers as without it',
    () => {
      const root = sample();
      const args = ['validate', '--format', 'json'];
      const uncached = run(root, [...args, '--no-cache']);
      run(root, args);
      const [file] = resultFiles(root);
      if (!file) throw new Error('no cache file was written');
      const good = readFileSync(file);
      const header = good.subarray(0, good.indexOf(10) + 1);
      const forged = (stored: unknown) => {
        const payload = serialize(stored);
        return Buffer.concat([header, createHash('sha256').update(payload).digest(), payload]);
      };
      const stored = deserialize(good.subarray(header.length + 32)) as { key: string };
      const lie = { out: '{"ok":true,"forged":1}\n', err: '', code: 0 };
      // The control: a well-made file is believed, so the refusals below are the checks' doing.
      writeFileSync(file, forged({ ...stored, answer: lie }));
      expect(run(root, args).stdout).toBe(lie.out);
      const damaged: [string, Buffer][] = [
        ['truncated', good.subarray(0, Math.floor(good.length / 2))],
        [
          'one byte flipped',
          Buffer.from(good.map((byte, i) => (i === good.length - 3 ? byte ^ 1 : byte))),
        ],
        ['garbage', Buffer.from('not a cache at all')],
        ['empty', Buffer.alloc(0)],
        ['another build', forged({ ...stored, build: 'git-ideas-0.0.0-other', answer: lie })],
        [
          'another key',
          forged({
            ...stored,
            key: stored.key.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
            answer: lie,
          }),
        ],
        ['another shape', forged({ ...stored, answer: { out: 1, err: '', code: 0 } })],
        [
          'another version',
          Buffer.concat([Buffer.from('ideas-result-cache 0\n'), good.subarray(header.length)]),
        ],
      ];
      for (const [what, bytes] of damaged) {
        writeFileSync(file, bytes);
        const result = run(root, args);
        expect(result.stderr, what).not.toMatch(HIT);
        expect(result.stdout, what).toBe(uncached.stdout);
        expect(result.code, what).toBe(uncached.code);
        // Rebuilt: the next run is a hit again, with the same bytes.
        expect(readFileSync(file).equals(good), what).toBe(true);
      }
    },
    SLOW,
  );

  it(
    'stays whole when two runs write it at once',
    async () => {
      const root = sample();
      const args = ['rank', '--format', 'json'];
      const spawnRun = () =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, [BIN, ...args], {
            cwd: root,
            env: { ...process.env, NO_COLOR: '1', IDEAS_TODAY: '2026-11-24' },
          });
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
          child.on('error', reject);
          child.on('close', (code) =>
            code === 0 ? resolve(out) : reject(new Error(`exit ${code}`)),
          );
        });
      const [a, b, c] = await Promise.all([spawnRun(), spawnRun(), spawnRun()]);
      expect(b).toBe(a);
      expect(c).toBe(a);
      const files = readdirSync(join(root, '.git', 'ideas', 'results'));
      expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
      expect(files.length).toBe(1);
      const after = run(root, args);
      expect(after.stderr).toMatch(HIT);
      expect(after.stdout).toBe(a);
    },
    SLOW,
  );
});

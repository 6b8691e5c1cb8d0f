/**
 * Concurrency: commands run at once in one clone, as the built binary. No write is lost, no id
 * is given twice, a voter's budget holds, and every run ends with a known exit code.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONFIG,
  OTHER_BODY,
  TREE,
  idea,
  makeIdeasRepo,
  runBinaryAsync,
} from '../helpers/authoring.js';
import { git } from '../helpers/repo.js';
import { runCli } from '../helpers/cli.js';
import { lockFolder, withLock } from '../../src/write/lock.js';
import { gitAt } from '../../src/git/git-process.js';
import { callsFromLock, lockedCalls } from '../helpers/lock-calls.js';

const at = (root: string) => gitAt(root, process.env);

const N = 6;

/** Six more open ideas by alice, so carol and friends have something to vote on. */
function votingTree(budget: number): Record<string, string> {
  const tree: Record<string, string> = {
    ...TREE,
    'ideas.config.yaml': CONFIG.replace(
      'voting: {mode: budget, budget: 5}',
      `voting: {mode: budget, budget: ${budget}}`,
    ).replace(
      'dave: {emails: [dave@example.com]}',
      [
        'dave: {emails: [dave@example.com]}',
        ...Array.from({ length: N }, (_, i) => `  v${i}: {emails: [v${i}@example.com]}`),
      ].join('\n'),
    ),
  };
  for (let i = 0; i < N; i++)
    tree[`ideas/par${i}x-parallel-${i}.md`] = idea(`par${i}x`, `Parallel ${i}`, '', OTHER_BODY);
  return tree;
}

describe('concurrency: votes', () => {
  it(`${N} votes by one voter at once with budget 2: exactly two are written`, async () => {
    const root = makeIdeasRepo('carol@example.com', votingTree(2));
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        runBinaryAsync(['vote', `par${i}x`, '--points', '1'], { cwd: root }),
      ),
    );
    const codes = results.map((r) => r.code).sort();
    expect(codes, results.map((r) => r.stderr).join('\n')).toEqual([0, 0, 2, 2, 2, 2]);
    for (const refused of results.filter((r) => r.code === 2))
      expect(refused.stderr).toMatch(/budget/);
    const written = Array.from({ length: N }, (_, i) => `votes/par${i}x/carol.md`).filter((p) =>
      existsSync(join(root, p)),
    );
    expect(written).toHaveLength(2);
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  it(`${N} votes by different voters for one idea at once: all written`, async () => {
    const root = makeIdeasRepo('carol@example.com', votingTree(5));
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => {
        return runBinaryAsync(['vote', 'ship01', '--points', '1'], {
          cwd: root,
          env: {
            GIT_AUTHOR_EMAIL: `v${i}@example.com`,
            GIT_COMMITTER_EMAIL: `v${i}@example.com`,
            EMAIL: `v${i}@example.com`,
            GIT_CONFIG_COUNT: '1',
            GIT_CONFIG_KEY_0: 'user.email',
            GIT_CONFIG_VALUE_0: `v${i}@example.com`,
          },
        });
      }),
    );
    expect(
      results.map((r) => r.code),
      results.map((r) => r.stderr).join('\n'),
    ).toEqual(Array(N).fill(0));
    expect(readdirSync(join(root, 'votes/ship01')).sort()).toEqual(
      Array.from({ length: N }, (_, i) => `v${i}.md`),
    );
  });
});

describe('concurrency: new, review, index', () => {
  it(`${N} "new" at once: ${N} ideas, ${N} different ids, all valid`, async () => {
    const root = makeIdeasRepo('alice@example.com');
    const body = join(root, '..', `body-${process.pid}.md`);
    writeFileSync(body, OTHER_BODY);
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        runBinaryAsync(
          [
            'new',
            '--title',
            `Concurrent idea number ${i} ${'xyzw'[i % 4]}`,
            '--team',
            'sales',
            '--body-file',
            body,
            '--yes',
          ],
          { cwd: root },
        ),
      ),
    );
    expect(
      results.map((r) => r.code),
      results.map((r) => r.stderr).join('\n'),
    ).toEqual(Array(N).fill(0));
    const ideas = readdirSync(join(root, 'ideas')).filter((name) => name.includes('concurrent'));
    expect(ideas).toHaveLength(N);
    expect(new Set(ideas.map((name) => name.split('-')[0])).size).toBe(N);
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  it('two reviews of one idea at once: two decisions, numbered in turn, both valid', async () => {
    const root = makeIdeasRepo('carol@example.com');
    // proposed -> deferred -> reviewing and proposed -> reviewing -> deferred are both allowed.
    const results = await Promise.all([
      runBinaryAsync(['review', 'ship01', '--status', 'reviewing'], { cwd: root }),
      runBinaryAsync(['review', 'ship01', '--status', 'deferred', '--rationale', 'Not now.'], {
        cwd: root,
      }),
    ]);
    expect(
      results.map((r) => r.code),
      results.map((r) => r.stderr).join('\n'),
    ).toEqual([0, 0]);
    const names = readdirSync(join(root, 'decisions/ship01')).sort();
    expect(names).toHaveLength(2);
    expect(names.filter((name) => name.startsWith('2026-11-24-2-'))).toHaveLength(1);
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });
});

/**
 * Why the concurrency tests above can pass without locks (two processes may simply not
 * overlap on a given run), this one cannot: a fake git records, at each git call a command
 * makes, which process holds the repository's lock. A command that reads the repository and
 * then writes must make its reads holding its own lock (and write before releasing it, which
 * the code's withLock guarantees): remove the lock and no call is made holding it.
 */
describe('concurrency: each writer reads what it builds on while holding its lock', () => {
  for (const [name, argv] of [
    ['vote', ['vote', 'ship01', '--points', '1']],
    ['review', ['review', 'ship01', '--status', 'reviewing']],
    ['index', ['index']],
  ] as const) {
    it(`${name}: every git call from taking the lock on, reads included, holds it`, async () => {
      const inside = callsFromLock(
        await lockedCalls(makeIdeasRepo('carol@example.com'), argv),
        name,
      );
      // The reading of the repository (the working tree's files through ls-files) is inside.
      expect(inside.some((call) => call.args.startsWith('ls-files'))).toBe(true);
    });
  }

  it('two "index" at once: exactly one writes, the other finds it up to date', async () => {
    const root = makeIdeasRepo('carol@example.com');
    const results = await Promise.all([
      runBinaryAsync(['index'], { cwd: root }),
      runBinaryAsync(['index'], { cwd: root }),
    ]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expect(results.filter((r) => r.stdout.startsWith('wrote IDEAS.md'))).toHaveLength(1);
    expect(results.filter((r) => r.stdout.includes('already up to date'))).toHaveLength(1);
    expect((await runBinaryAsync(['index', '--check'], { cwd: root })).code).toBe(0);
    expect(readFileSync(join(root, 'IDEAS.md'), 'utf8')).toContain('ship01');
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('locks', () => {
  it('live in the git folder, not in /tmp', () => {
    const root = makeIdeasRepo();
    expect(lockFolder(at(root))).toBe(join(root, '.git', 'ideas', 'locks'));
  });

  it('take over a lock left by a process that died', async () => {
    const root = makeIdeasRepo();
    let path = '';
    await withLock(at(root), 'votes', () => {
      path = join(lockFolder(at(root)), readdirSync(lockFolder(at(root)))[0] ?? '');
    });
    // A lock as a crashed run leaves it: its pid is not running (above the kernel's pid_max).
    writeFileSync(path, JSON.stringify({ pid: 2 ** 22 + 17, host: hostname() }));
    let ran = false;
    await withLock(at(root), 'votes', () => (ran = true), { waitMs: 200 });
    expect(ran).toBe(true);
    expect(existsSync(path)).toBe(false);
  });

  it('a lock held too long is a clear usage error naming the holder', async () => {
    const root = makeIdeasRepo();
    await withLock(at(root), 'votes', async () => {
      await expect(withLock(at(root), 'votes', () => 1, { waitMs: 100 })).rejects.toThrow(
        new RegExp(`another ideas command \\(process ${process.pid} on .*\\) has been writing`),
      );
    });
  });

  it('a lock nobody can read and that is old is taken over', async () => {
    const root = makeIdeasRepo();
    let path = '';
    await withLock(at(root), 'x', () => {
      path = join(lockFolder(at(root)), readdirSync(lockFolder(at(root)))[0] ?? '');
    });
    writeFileSync(path, 'garbage');
    await expect(
      withLock(at(root), 'x', () => 'in', { waitMs: 100, staleMs: 60_000 }),
    ).rejects.toThrow(/has been writing/);
    expect(await withLock(at(root), 'x', () => 'in', { waitMs: 100, staleMs: 0 })).toBe('in');
    git(root, 'status', '--short'); // the lock folder is inside .git: nothing shows
    expect(git(root, 'status', '--short')).toBe('');
  });
});

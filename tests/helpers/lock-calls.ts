/**
 * The git calls one run of the built binary makes, each marked with whether the run held a lock
 * of the repository at that moment: recorded by the campaign's fake git (FAKE_GIT_LOCKS).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { fakeGit, runCounter } from '../campaign/fake-git.js';
import { runBinaryAsync } from './authoring.js';
import { tempDir } from './repo.js';

export interface LockedCall {
  args: string;
  held: boolean;
}

export async function lockedCalls(root: string, argv: readonly string[]): Promise<LockedCall[]> {
  const fake = fakeGit();
  const log = join(tempDir('ideas-calls-'), 'calls.log');
  const result = await runBinaryAsync([...argv], {
    cwd: root,
    env: {
      PATH: `${fake.bin}:${process.env.PATH ?? ''}`,
      FAKE_GIT_COUNTER: runCounter(fake),
      FAKE_GIT_LOG: log,
      FAKE_GIT_LOCKS: join(root, '.git', 'ideas', 'locks'),
      IDEAS_NO_CACHE: '1',
    },
  });
  expect(result.code, result.stderr).toBe(0);
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [pid = '', locks = '', args = ''] = line.split('\t');
      return { args, held: locks.includes(`"pid":${pid},`) };
    });
}

/** The calls from the first made holding the lock on, after checking every one of them holds it. */
export function callsFromLock(calls: readonly LockedCall[], name: string): LockedCall[] {
  const from = calls.findIndex((call) => call.held);
  expect(from, `no git call of ${name} was made holding its lock`).toBeGreaterThanOrEqual(0);
  const inside = calls.slice(from);
  expect(inside.filter((call) => !call.held).map((call) => call.args)).toEqual([]);
  return inside;
}

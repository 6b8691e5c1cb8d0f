/**
 * Branch writes (`--branch`): review holds its lock as vote does, and a temporary index that a
 * killed run left in the git folder is removed by the next branch write, once it is old and its
 * maker is gone; a live run's file, or a fresh one, is left alone.
 */
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeIdeasRepo, runBinaryAsync } from './helpers/authoring.js';
import { callsFromLock, lockedCalls } from './helpers/lock-calls.js';
import { ownedTempName, STALE_TEMP_MS } from '../src/write/private-temp.js';

describe('branch writes take the lock their working-tree writes take', () => {
  // vote reads under its lock (the budget is judged on what the last vote wrote); review takes
  // its lock once its questions are answered, then checks and makes its branch under it.
  const cases: [string, string[], string, string[]][] = [
    [
      'vote --branch',
      ['vote', 'ship01', '--points', '1', '--branch'],
      'bob@example.com',
      ['ls-tree', 'show-ref', 'update-ref'],
    ],
    [
      'review --branch',
      ['review', 'ship01', '--status', 'reviewing', '--branch'],
      'carol@example.com',
      ['show-ref', 'commit-tree', 'update-ref'],
    ],
  ];
  for (const [name, argv, email, held] of cases) {
    it(`${name}: checks for and makes its branch holding the lock`, async () => {
      const inside = callsFromLock(await lockedCalls(makeIdeasRepo(email), argv), name);
      for (const command of held)
        expect(
          inside.some((call) => call.args.startsWith(command)),
          command,
        ).toBe(true);
    });
  }
});

describe('temporary indexes in .git/ideas/tmp', () => {
  it('the next branch write removes old ones whose maker is gone, and keeps the rest', async () => {
    const root = makeIdeasRepo('bob@example.com');
    const tmp = join(root, '.git', 'ideas', 'tmp');
    mkdirSync(tmp, { recursive: true });
    const mine = ownedTempName('ideas-index');
    // A pid above the kernel's pid_max runs nowhere: what a SIGKILLed run leaves behind.
    const dead = mine.replace(`-${process.pid}-`, '-99999999-');
    const elsewhere = dead.replace(/-([0-9a-f]{8})-(?=[0-9a-f]+$)/, '-00000000-');
    const files = {
      killedLongAgo: `${dead}a`,
      killedJustNow: `${dead}b`,
      otherMachineLongAgo: `${elsewhere}c`,
      liveLongAgo: `${mine}d`,
    };
    const old = (Date.now() - STALE_TEMP_MS - 60_000) / 1000;
    for (const [what, name] of Object.entries(files)) {
      writeFileSync(join(tmp, name), 'DIRC');
      if (what !== 'killedJustNow') utimesSync(join(tmp, name), old, old);
    }
    const vote = await runBinaryAsync(['vote', 'ship01', '--points', '1', '--branch'], {
      cwd: root,
    });
    expect(vote.code, vote.stderr).toBe(0);
    expect(existsSync(join(tmp, files.killedLongAgo))).toBe(false);
    expect(existsSync(join(tmp, files.otherMachineLongAgo))).toBe(false);
    expect(existsSync(join(tmp, files.killedJustNow))).toBe(true);
    expect(existsSync(join(tmp, files.liveLongAgo))).toBe(true);
    // Its own index went with it, as ever.
    expect(
      readdirSync(tmp)
        .filter((name) => name.startsWith('ideas-index-'))
        .sort(),
    ).toEqual([files.killedJustNow, files.liveLongAgo].sort());
  });
});

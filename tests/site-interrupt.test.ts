/**
 * Ctrl-C, or a closed terminal (SIGHUP: the shell sends it to the jobs of a terminal that goes
 * away), while `ideas site` writes a new folder, sent to the built binary as a real signal once
 * its temporary build folder has appeared: the command ends with 128 + the signal's number after
 * the folder is whole, and nothing is left beside --out. Before, Node died at once and left the
 * hidden folder (SIGINT until the writers' deferSignals served the site, SIGHUP until it was
 * deferred too).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBinary } from './helpers/cli.js';
import { interruptSiteBuild } from './helpers/interrupt.js';
import { STAGING_MARK } from '../src/write/site-folder.js';
import { lastingTempDir, makeRepo } from './helpers/repo.js';
import { bigTeamTree } from './helpers/site-tree.js';

describe('ideas site, interrupted', () => {
  let root = '';
  beforeAll(() => {
    root = makeRepo(bigTeamTree(1500, 100, 10), { in: lastingTempDir() });
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const)(
    '%s while pages are written ends with %i, the folder whole and no build folder left',
    async (send, exit) => {
      const { sent, code, signal, stderr, parent, out } = await interruptSiteBuild(root, send);
      expect(sent).toBe(true);
      expect({ code, signal }).toEqual({ code: exit, signal: null });
      expect(stderr).toContain(`interrupted (${send})`);
      expect(readdirSync(parent)).toEqual(['site']);
      expect(existsSync(join(out, 'index.html'))).toBe(true);
      expect(existsSync(join(out, 'ideas', 'p1499.html'))).toBe(true);
    },
    60_000,
  );

  it('a build killed outright leaves its folder; the next build removes it, and nothing else', async () => {
    const { sent, signal, parent, out } = await interruptSiteBuild(root, 'SIGKILL');
    expect({ sent, signal }).toEqual({ sent: true, signal: 'SIGKILL' });
    const stale = readdirSync(parent);
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatch(/^\.site\.ideas-site\.\d+\.[0-9a-f]{8}\.tmp$/);
    // Beside it, what must stay: a folder by our name with files but no mark (someone else's), one
    // marked by a process that still runs (this test), and the build folder of another --out.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid ?? 1;
    const keep = {
      unmarked: `.site.ideas-site.${dead}.0123abcd.tmp`,
      running: `.site.ideas-site.${process.pid}.89abcdef.tmp`,
      other: `.other.ideas-site.${dead}.01234567.tmp`,
    };
    for (const name of Object.values(keep)) mkdirSync(join(parent, name));
    writeFileSync(join(parent, keep.unmarked, 'theirs.txt'), 'not ours\n');
    const mark = (name: string, pid: number) =>
      writeFileSync(join(parent, name, STAGING_MARK), JSON.stringify({ pid, host: hostname() }));
    mark(keep.running, process.pid);
    mark(keep.other, dead);
    expect(
      runBinary(['site', '--out', out], { cwd: root, env: { IDEAS_NO_CACHE: '1' } }).code,
    ).toBe(0);
    expect(readdirSync(parent).sort()).toEqual([...Object.values(keep), 'site'].sort());
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, STAGING_MARK))).toBe(false);
  }, 60_000);
});

/**
 * Ctrl-C, or a closed terminal (SIGHUP: the shell sends it to the jobs of a terminal that goes
 * away), while `ideas site` writes a new folder, sent to the built binary as a real signal once
 * its temporary build folder has appeared: the command ends with 128 + the signal's number after
 * the folder is whole, and nothing is left beside --out. Before, Node died at once and left the
 * hidden folder (SIGINT until the writers' deferSignals served the site, SIGHUP until it was
 * deferred too).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interruptSiteBuild } from './helpers/interrupt.js';
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
});

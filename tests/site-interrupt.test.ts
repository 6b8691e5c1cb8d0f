/**
 * Ctrl-C while `ideas site` writes a new folder, sent to the built binary as a real signal once
 * its temporary build folder has appeared: the command ends with 130 after the folder is whole,
 * and nothing is left beside --out. Before, Node died at once and left the hidden folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers/cli.js';
import { makeRepo, tempDir } from './helpers/repo.js';
import { bigTeamTree } from './helpers/site-tree.js';

describe('ideas site, interrupted', () => {
  it('Ctrl-C while pages are written ends with 130, the folder whole and no build folder left', async () => {
    const root = makeRepo(bigTeamTree(1500, 100, 10));
    const parent = tempDir();
    const out = join(parent, 'site');
    const child = spawn(process.execPath, [BIN, 'site', '--out', out], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', IDEAS_NO_CACHE: '1', IDEAS_TODAY: '2026-11-24' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal })),
    );
    // The build folder appears when the pages start to be written: interrupt then.
    let sent = false;
    const watch = setInterval(() => {
      if (!sent && readdirSync(parent).some((name) => name.endsWith('.tmp'))) {
        sent = true;
        child.kill('SIGINT');
      }
    }, 2);
    const { code, signal } = await ended;
    clearInterval(watch);
    expect(sent).toBe(true);
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(stderr).toContain('interrupted (SIGINT)');
    expect(readdirSync(parent)).toEqual(['site']);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'ideas', 'p1499.html'))).toBe(true);
  }, 60_000);
});

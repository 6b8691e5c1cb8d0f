/**
 * Ctrl-C while `ideas site` writes a new folder, sent to the built binary as a real signal once
 * its temporary build folder has appeared: the command ends with 130 after the folder is whole,
 * and nothing is left beside --out. Before, Node died at once and left the hidden folder.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptSiteBuild } from './helpers/interrupt.js';

describe('ideas site, interrupted', () => {
  it('Ctrl-C while pages are written ends with 130, the folder whole and no build folder left', async () => {
    const { sent, code, signal, stderr, parent, out } = await interruptSiteBuild('SIGINT');
    expect(sent).toBe(true);
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(stderr).toContain('interrupted (SIGINT)');
    expect(readdirSync(parent)).toEqual(['site']);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'ideas', 'p1499.html'))).toBe(true);
  }, 60_000);
});

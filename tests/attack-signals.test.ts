/**
 * A closed terminal (SIGHUP) while `ideas site` writes its folder. The shell sends SIGHUP to the
 * jobs of a terminal that goes away: like Ctrl-C, it must end the command only once the folder
 * is whole, with 128 + 1, and leave no hidden build folder beside --out.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptSiteBuild } from './helpers/interrupt.js';

describe('ideas site, its terminal closed', () => {
  it('SIGHUP while pages are written ends with 129, the folder whole and no build folder left', async () => {
    const { sent, code, signal, stderr, parent, out } = await interruptSiteBuild('SIGHUP');
    expect(sent).toBe(true);
    expect({ code, signal }).toEqual({ code: 129, signal: null });
    expect(stderr).toContain('interrupted (SIGHUP)');
    expect(readdirSync(parent)).toEqual(['site']);
    expect(existsSync(join(out, 'ideas', 'p1499.html'))).toBe(true);
  }, 60_000);
});

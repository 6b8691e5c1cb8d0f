/** The built binary end to end (run `npm run build` first): what a user's shell would see. */
import { describe, expect, it } from 'vitest';
import { runBinary } from '../helpers/cli.js';
import { commitAll, makeRepo } from '../helpers/repo.js';
import { handBuiltTree } from './fixture.js';

describe('the built ideas binary', () => {
  it('rank --format json from --ref, with nothing but JSON on stdout', () => {
    const root = makeRepo(handBuiltTree(), { commit: false });
    commitAll(root, 'ideas', '2026-11-01T10:00:00Z');
    const result = runBinary(['rank', '--by', 'rice', '--ref', 'HEAD', '--format', 'json'], {
      cwd: root,
    });
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { id: string; score: number | null }[];
    expect(rows.map((row) => [row.id, row.score])).toEqual([
      ['alpha', 25],
      ['beta', 25],
      ['theme', null],
      ['gamma', null],
      ['delta', null],
      ['eta', null],
    ]);
    expect(result.stderr).toContain('Listed last, no rice score:');
  });

  it('queue and show print plain text when not on a terminal, and --help has examples', () => {
    const root = makeRepo(handBuiltTree(), { git: false });
    const queue = runBinary(['queue'], { cwd: root, env: { FORCE_COLOR: undefined } });
    expect(queue.code).toBe(0);
    expect(queue.stdout).not.toContain('\u001b');
    expect(queue.stdout).toContain('4 waiting, 4 stale');
    const show = runBinary(['show', 'alpha'], { cwd: root });
    expect(show.stdout).toContain('Duplicates folded in: dupe');
    const help = runBinary(['rank', '--help'], { cwd: root });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--at <when>');
  });
});

/**
 * Round 6 attacks on the terminal: what the user typed comes back in commander's own errors (an
 * unknown command, an unknown option, a choice not allowed). An id or a model pasted from a file
 * or a script may hold escape sequences; printed raw they retitle the window or recolour it.
 */
import { describe, expect, it } from 'vitest';
import { runBinary } from './helpers/cli.js';
import { tempDir } from './helpers/repo.js';

const ESC = '\u001b';
const HOSTILE = `${ESC}]0;owned${ESC}\\${ESC}[31mred`;

describe("commander's errors print what was typed without its escape sequences", () => {
  it.each([
    ['an unknown command', [HOSTILE]],
    ['an unknown option', ['rank', `--x${HOSTILE}`]],
    ['a choice not allowed', ['rank', '--by', HOSTILE]],
  ])('%s', (_name, argv) => {
    const result = runBinary(argv, { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: /);
    expect(result.stderr).toContain('red');
    expect(result.stderr).not.toContain(ESC);
  });
});

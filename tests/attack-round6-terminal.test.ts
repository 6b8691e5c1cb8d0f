/**
 * Round 6 attacks on the terminal: what the user typed comes back in commander's own errors (an
 * unknown command, an unknown option, a choice not allowed). An id or a model pasted from a file
 * or a script may hold escape sequences; printed raw they retitle the window or recolour it.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BIN, runBinary } from './helpers/cli.js';
import { makeRepo, tempDir } from './helpers/repo.js';
import { ONE_REVIEWER_CONFIG, shippingIdea } from './helpers/one-reviewer.js';

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

describe('stdout on a full disk is a plain message and exit 2, not a stack trace', () => {
  it.skipIf(!existsSync('/dev/full'))('report --format json > /dev/full', () => {
    const root = makeRepo({
      'ideas.config.yaml': 'version: 1\nreviewers: [tess]\n',
      'ideas/.gitkeep': '',
    });
    const full = openSync('/dev/full', 'w');
    onTestFinished(() => closeSync(full));
    const result = spawnSync(process.execPath, [BIN, 'report', '--format', 'json'], {
      cwd: root,
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', IDEAS_TODAY: '2026-11-24' },
    });
    expect(result.stderr).toBe(
      'ideas: cannot write the output: the disk is full\n  hint: send it where there is room\n',
    );
    expect(result.status).toBe(2);
  });

  it.skipIf(!existsSync('/dev/full'))('a failing stderr keeps the exit code of the command', () => {
    const root = makeRepo({ 'ideas.config.yaml': 'version: 1\nreviewers: [tess]\n' });
    const full = openSync('/dev/full', 'w');
    onTestFinished(() => closeSync(full));
    const result = spawnSync(process.execPath, [BIN, 'validate', '--ref', 'origin/nowhere'], {
      cwd: root,
      stdio: ['ignore', 'pipe', full],
      env: { ...process.env, NO_COLOR: '1', IDEAS_TODAY: '2026-11-24' },
    });
    expect(result.status).toBe(3);
  });
});

describe('Markdown outputs notify no one a title names', () => {
  it('report --format md and IDEAS.md defuse @mentions, and read the same', () => {
    const idea = shippingIdea('Overnight shipping @acme/everyone asked for');
    const root = makeRepo({
      'ideas.config.yaml': ONE_REVIEWER_CONFIG,
      'ideas/ship01-overnight-shipping-acme-everyone-asked-for.md': idea,
    });
    const report = runBinary(['report', '--format', 'md'], { cwd: root });
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('Overnight shipping @&#8203;acme/everyone asked for');
    expect(report.stdout).not.toMatch(/@acme/);
    const index = runBinary(['index'], { cwd: root });
    expect(index.code).toBe(0);
    const written = readFileSync(join(root, 'IDEAS.md'), 'utf8');
    expect(written).toContain('@&#8203;acme/everyone');
    expect(written).not.toMatch(/@acme/);
  });
});

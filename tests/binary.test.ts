// The built binary as a user runs it: help, exit codes, colour, and the demo.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary } from './helpers/cli.js';
import { makeRepo, tempDir } from './helpers/repo.js';

const ESC = /\x1b\[/; // eslint-disable-line no-control-regex -- an ANSI colour sequence

describe('the ideas binary', () => {
  it('prints help with the commands and how to start', () => {
    const result = runBinary(['--help'], { cwd: tempDir() });
    expect(result.code).toBe(0);
    for (const command of ['init', 'validate', 'demo']) expect(result.stdout).toContain(command);
    expect(result.stdout).toContain('ideas demo');
    expect(result.stdout).toContain('Exit codes');
  });

  it('gives each command help with examples', () => {
    const result = runBinary(['validate', '--help'], { cwd: tempDir() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('--format <format>');
  });

  it('exits 2 on usage errors: no command, an unknown command, a bad option value', () => {
    const cwd = tempDir();
    expect(runBinary([], { cwd }).code).toBe(2);
    const unknown = runBinary(['frobnicate'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const badFormat = runBinary(['validate', '--format', 'xml'], { cwd });
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('xml');
  });

  it('exits 2 outside an ideas repository, with a hint', () => {
    const result = runBinary(['validate'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('ideas init');
  });

  it('colours only when asked to or on a terminal', () => {
    const root = makeRepo({
      'ideas.config.yaml': 'version: 1\n',
      'votes/abc123/bob.md': '---\nidea: abc123\n---\n',
    });
    const plain = runBinary(['validate'], { cwd: root });
    expect(plain.code).toBe(1);
    expect(plain.stdout).not.toMatch(ESC);
    const forced = runBinary(['validate'], {
      cwd: root,
      env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    expect(forced.stdout).toMatch(ESC);
  });

  it('runs the demo end to end', () => {
    const dir = join(tempDir(), 'demo');
    const demo = runBinary(['demo', '--dir', dir], { cwd: tempDir() });
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('Top open ideas');
    const validate = runBinary(['validate', '--format', 'json'], { cwd: dir });
    expect(validate.code).toBe(0);
    expect(JSON.parse(validate.stdout).ok).toBe(true);
  });

  it('treats a closed pipe as the reader leaving, not a crash', () => {
    const dir = join(tempDir(), 'demo');
    runBinary(['demo', '--dir', dir], { cwd: tempDir() });
    const result = spawnSync(
      'sh',
      [
        '-c',
        `node ${JSON.stringify(join(import.meta.dirname, '..', 'bin', 'ideas.js'))} validate --format json | head -c 10`,
      ],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(result.stderr).not.toContain('EPIPE');
  });
});

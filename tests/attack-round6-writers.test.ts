/**
 * Round 6 attacks on the writers: a full disk or a git that fails part way must leave nothing
 * half-made. `ideas demo` cut short used to leave a broken repository (a .git folder and
 * fast-import's crash report) in the folder the user named.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runBinary } from './helpers/cli.js';
import { tempDir } from './helpers/repo.js';

/** A 200 KiB tmpfs: a real full disk. Only root may mount one; undefined elsewhere. */
function smallDisk(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = join(tempDir(), 'full');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  onTestFinished(() => {
    execFileSync('umount', [dir]);
  });
  return dir;
}

describe('ideas demo cut short leaves the folder as it was', () => {
  it('on a full disk: a new folder is removed, an empty one stays empty', (ctx) => {
    const disk = smallDisk();
    if (disk === undefined) return ctx.skip();
    const made = runBinary(['demo', '--dir', join(disk, 'demo')], { cwd: disk });
    expect(made.stderr).toContain('git fast-import failed while building the demo');
    expect(made.stderr).toContain(`nothing is left in ${join(disk, 'demo')}`);
    expect(made.code).toBe(3);
    expect(readdirSync(disk)).toEqual([]);

    mkdirSync(join(disk, 'empty'));
    const emptied = runBinary(['demo', '--dir', join(disk, 'empty')], { cwd: disk });
    expect(emptied.code).toBe(3);
    expect(readdirSync(join(disk, 'empty'))).toEqual([]);
  });

  it('when git cannot make the repository, the folder it was to go in is not left behind', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'a-file'), '');
    const result = runBinary(['demo', '--dir', 'northwind'], {
      cwd,
      env: { GIT_OBJECT_DIRECTORY: join(cwd, 'a-file', 'objects') },
    });
    expect(result.stderr).toContain('git init failed while building the demo');
    expect(result.code).toBe(3);
    expect(existsSync(join(cwd, 'northwind'))).toBe(false);
  });
});

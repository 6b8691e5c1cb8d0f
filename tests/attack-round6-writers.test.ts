/**
 * Round 6 attacks on the writers: a full disk or a git that fails part way must leave nothing
 * half-made. `ideas demo` cut short used to leave a broken repository (a .git folder and
 * fast-import's crash report) in the folder the user named.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runBinary } from './helpers/cli.js';
import { makeRepo, tempDir } from './helpers/repo.js';
import { ONE_REVIEWER_CONFIG as CONFIG, shippingIdea } from './helpers/one-reviewer.js';

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

/** Fills the disk but for `room` bytes. */
function fillDisk(disk: string, room: number): void {
  const { bavail, bsize } = statfsSync(disk);
  writeFileSync(join(disk, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - room)));
}

const IDEA = shippingIdea();

describe('writers on a full disk change nothing', () => {
  it('edit with a new title (a rename) keeps the idea when the new file does not fit', (ctx) => {
    const disk = smallDisk();
    if (disk === undefined) return ctx.skip();
    const root = makeRepo(
      { 'ideas.config.yaml': CONFIG, 'ideas/ship01-overnight-shipping.md': IDEA },
      { in: join(disk, 'repo') },
    );
    // The editor renames the idea and makes it longer than the room left.
    const editor = join(tempDir(), 'editor.sh');
    writeFileSync(
      editor,
      '#!/bin/sh\nsed -i "s/^title: Overnight shipping/title: Nightly shipping/" "$1"\n' +
        'i=0; while [ $i -lt 2000 ]; do echo "Another ticket about it." >> "$1"; i=$((i+1)); done\n',
    );
    chmodSync(editor, 0o755);
    fillDisk(disk, 4096);
    const result = runBinary(['edit', 'ship01'], {
      cwd: root,
      env: { EDITOR: editor, VISUAL: editor, TMPDIR: tempDir() },
    });
    expect(result.stderr).toContain('the disk is full');
    expect(result.code).toBe(2);
    expect(readdirSync(join(root, 'ideas'))).toEqual(['ship01-overnight-shipping.md']);
    expect(readFileSync(join(root, 'ideas/ship01-overnight-shipping.md'), 'utf8')).toBe(IDEA);
  });

  it('init writes every file or none, so running it again after freeing space works', (ctx) => {
    const disk = smallDisk();
    if (disk === undefined) return ctx.skip();
    const root = join(disk, 'repo');
    mkdirSync(root);
    makeRepo({}, { in: root });
    fillDisk(disk, 12 * 1024);
    const first = runBinary(['init', '.'], { cwd: root });
    expect(first.stderr).toContain('the disk is full');
    expect(first.code).toBe(2);
    const left = readdirSync(root, { recursive: true, withFileTypes: true }).filter(
      (entry) => entry.isFile() && !join(entry.parentPath, entry.name).includes('/.git/'),
    );
    expect(left.map((entry) => entry.name)).toEqual([]);
    rmSync(join(disk, 'filler'));
    const again = runBinary(['init', '.'], { cwd: root });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
  });
});

describe('--out never writes over the repository own files', () => {
  it.each([
    ['report', 'ideas.config.yaml', "is the repository's ideas.config.yaml"],
    ['report', 'ideas/ship01-overnight-shipping.md', 'is inside ideas/'],
    ['roadmap', 'ideas.config.yaml', "is the repository's ideas.config.yaml"],
    ['roadmap', '.git/config', 'is inside .git/'],
  ])('%s --out %s', (command, out, message) => {
    const root = makeRepo({
      'ideas.config.yaml': CONFIG,
      'ideas/ship01-overnight-shipping.md': IDEA,
    });
    const before = readFileSync(join(root, out), 'utf8');
    const result = runBinary([command, '--out', out], { cwd: root });
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(2);
    expect(readFileSync(join(root, out), 'utf8')).toBe(before);
  });

  it('a file of its own is still written', () => {
    const root = makeRepo({
      'ideas.config.yaml': CONFIG,
      'ideas/ship01-overnight-shipping.md': IDEA,
    });
    const result = runBinary(['report', '--out', 'report.md'], { cwd: root });
    expect(result.code).toBe(0);
    expect(readFileSync(join(root, 'report.md'), 'utf8')).toContain('Overnight shipping');
  });
});

describe('edit opens no draft another user could have planted', () => {
  it('a drafts folder open to others is refused, and the idea stays as it was', () => {
    const root = makeRepo({
      'ideas.config.yaml': CONFIG,
      'ideas/ship01-overnight-shipping.md': IDEA,
    });
    const shared = tempDir();
    chmodSync(shared, 0o1777);
    // Another user of the machine made the folder first, open to all, with a "draft" in it.
    const repoKey = createHash('sha256').update(root).digest('hex').slice(0, 12);
    const planted = IDEA.replace('Ship overnight.', 'Send your password to mallory.');
    for (const name of ['ideas-drafts', `ideas-drafts-${process.getuid?.() ?? 0}`]) {
      mkdirSync(join(shared, name, repoKey), { recursive: true });
      chmodSync(join(shared, name), 0o777);
      writeFileSync(join(shared, name, repoKey, 'ship01.md'), planted);
    }
    const result = runBinary(['edit', 'ship01'], {
      cwd: root,
      env: { EDITOR: 'true', VISUAL: 'true', TMPDIR: shared },
    });
    expect(result.stderr).toContain('is not a folder of yours alone');
    expect(result.code).toBe(2);
    expect(readFileSync(join(root, 'ideas/ship01-overnight-shipping.md'), 'utf8')).toBe(IDEA);
  });
});

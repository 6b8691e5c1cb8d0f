/**
 * Writing the files of `ideas site` into their folder. A new folder is built beside its place
 * under a temporary name and renamed into place when every file is written: the site appears
 * whole or not at all, and no file needs a temporary name and a rename of its own. (Writing
 * through the thread pool, 16 files at a time, was measured too: twice the CPU of these plain
 * writes, and no faster on two busy cores.)
 * A folder of an earlier run is updated in place, file by file (temporary file and rename), and
 * a page it would write identically is left alone.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { UsageError } from '../errors.js';
import type { SiteFile } from '../site/build-site.js';
import { asWriteError, batchWriter, makeFolder, writeFileAtomic } from './atomic.js';

/** The list of files a run wrote, kept in the folder so the next run knows what is its own. */
export const MANIFEST = '.ideas-site.json';

/** Write the files as they come into `out` (new, empty, or an earlier run's); returns their paths. */
export function writeSite(out: string, files: Iterable<SiteFile>): string[] {
  return existsSync(out) ? updateFolder(out, files) : buildFolder(out, files);
}

function manifestText(paths: readonly string[]): string {
  return `${JSON.stringify({ schema: 1, generator: 'ideas site', files: paths }, null, 1)}\n`;
}

/** A new folder: every file into a sibling under a temporary name, then one rename. */
function buildFolder(out: string, files: Iterable<SiteFile>): string[] {
  const parent = dirname(out);
  makeFolder(parent);
  const staging = join(
    parent,
    `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  // Ctrl-C ends the process between two writes (write/signals.ts): it leaves no half-built site.
  const discard = () => rmSync(staging, { recursive: true, force: true });
  process.once('exit', discard);
  const written: string[] = [];
  const made = new Set<string>();
  let at = out;
  try {
    makeFolder(staging);
    made.add(staging);
    for (const [path, text] of files) {
      written.push(path);
      at = join(out, path);
      const target = join(staging, path);
      const folder = dirname(target);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      // The folder is new and ours: a file is created, never replaced.
      writeFileSync(target, text, { flag: 'wx' });
    }
    at = out;
    const paths = written.sort();
    writeFileSync(join(staging, MANIFEST), manifestText(paths), { flag: 'wx' });
    renameSync(staging, out);
    return paths;
  } catch (error) {
    discard();
    throw error instanceof UsageError ? error : asWriteError(error, at);
  } finally {
    process.removeListener('exit', discard);
  }
}

/** An earlier run's folder (or an empty one): each file replaced whole, unchanged ones left be. */
function updateFolder(out: string, files: Iterable<SiteFile>): string[] {
  const before = new Set(previousFiles(out));
  const written = new Set<string>();
  const write = batchWriter();
  const scratch = { buffer: Buffer.allocUnsafe(1 << 16) };
  for (const [path, text] of files) {
    written.add(path);
    const target = join(out, path);
    const bytes = Buffer.from(text);
    // A rebuild leaves a page it would write identically alone: no rename for each of 10,000
    // files, and mtimes that tell a deploy step what really changed.
    if (before.has(path) && holdsBytes(target, bytes, scratch)) continue;
    write(target, bytes);
  }
  for (const path of before)
    if (!written.has(path) && path !== MANIFEST) rmSync(join(out, path), { force: true });
  const paths = [...written].sort();
  writeFileAtomic(join(out, MANIFEST), manifestText(paths));
  return paths;
}

/** The files of an earlier run, from its manifest: only plain paths inside the folder. */
function previousFiles(out: string): string[] {
  const path = join(out, MANIFEST);
  if (!existsSync(path)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new UsageError(
      `${path} is not a manifest written by "ideas site"`,
      'remove the folder and run again',
    );
  }
  const listed = typeof data === 'object' && data !== null && 'files' in data ? data.files : [];
  if (!Array.isArray(listed)) return [];
  return listed.filter(
    (file): file is string =>
      typeof file === 'string' &&
      file !== '' &&
      !isAbsolute(file) &&
      !file.split(/[\\/]/).some((part) => part === '..' || part === '' || part === '.'),
  );
}

/**
 * Whether the file at `path` holds exactly `bytes`. One buffer serves every page of a rebuild,
 * and a read of one byte more than expected tells a longer file without reading all of it.
 */
function holdsBytes(path: string, bytes: Uint8Array, scratch: { buffer: Buffer }): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    if (scratch.buffer.length <= bytes.length)
      scratch.buffer = Buffer.allocUnsafe(Math.max(bytes.length + 1, scratch.buffer.length * 2));
    const buffer = scratch.buffer;
    let got = 0;
    for (;;) {
      const n = readSync(fd, buffer, got, bytes.length + 1 - got, null);
      if (n === 0) break;
      got += n;
      if (got > bytes.length) return false;
    }
    return got === bytes.length && buffer.subarray(0, got).equals(bytes);
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

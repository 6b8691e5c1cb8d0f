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
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { UsageError } from '../errors.js';
import type { SiteFile } from '../site/build-site.js';
import { asWriteError, batchWriter, makeFolder, writeFileAtomic } from './atomic.js';

/** The list of files a run wrote, kept in the folder so the next run knows what is its own. */
export const MANIFEST = '.ideas-site.json';

/**
 * Inside every build folder, written first: which process on which machine builds it. Only a
 * folder holding it, of a process that is gone, is ever removed as stale.
 */
export const STAGING_MARK = '.ideas-site-build.json';

/** Write the files as they come into `out` (new, empty, or an earlier run's); returns their paths. */
export function writeSite(out: string, files: Iterable<SiteFile>): string[] {
  removeStaleBuilds(out);
  return existsSync(out) ? updateFolder(out, files) : buildFolder(out, files);
}

/** `.<out>.ideas-site.<pid>.<8 hex>.tmp`: the build folder of `out`, named for its process. */
export function stagingName(out: string, pid: number): string {
  return `.${basename(out)}.ideas-site.${pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/**
 * A build killed outright (SIGKILL, a crash, the machine stopping) leaves its folder beside
 * `out`. The next build removes those of `out` alone: a directory (not a link) by our name,
 * holding our mark, written on this machine by a process that no longer runs (or holding
 * nothing but a mark half written: killed before it was marked). A build still
 * running, another program's folder or one from another machine sharing the disk stays.
 */
function removeStaleBuilds(out: string): void {
  const parent = dirname(out);
  const prefix = `.${basename(out)}.ideas-site.`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    const pid = Number(match?.[1]);
    if (!match || pid === process.pid || isRunning(pid)) continue;
    const folder = join(parent, name);
    let mark: unknown;
    try {
      if (!lstatSync(folder).isDirectory()) continue;
      mark = JSON.parse(readFileSync(join(folder, STAGING_MARK), 'utf8'));
    } catch {
      // Killed between making the folder and finishing its mark: it goes only while it holds
      // nothing else (empty, or its own mark half written); one with other files stays.
      try {
        if (readdirSync(folder).every((entry) => entry === STAGING_MARK))
          rmSync(folder, { recursive: true, force: true });
      } catch {
        // Not ours to read or remove: it stays.
      }
      continue;
    }
    if (!isMark(mark) || mark.pid !== pid || mark.host !== hostname()) continue;
    rmSync(folder, { recursive: true, force: true });
  }
}

function isMark(value: unknown): value is { pid: number; host: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'pid' in value &&
    'host' in value &&
    typeof value.pid === 'number' &&
    typeof value.host === 'string'
  );
}

/** A write that stopped short without an error: the disk is full (a file system says so late). */
function shortWrite(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), {
    code: 'ENOSPC',
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function manifestText(paths: readonly string[]): string {
  return `${JSON.stringify({ schema: 1, generator: 'ideas site', files: paths }, null, 1)}\n`;
}

/** A new folder: every file into a sibling under a temporary name, then one rename. */
function buildFolder(out: string, files: Iterable<SiteFile>): string[] {
  const parent = dirname(out);
  makeFolder(parent);
  const staging = join(parent, stagingName(out, process.pid));
  // Ctrl-C ends the process between two writes (write/signals.ts): it leaves no half-built site.
  const discard = () => rmSync(staging, { recursive: true, force: true });
  process.once('exit', discard);
  const written: string[] = [];
  const made = new Set<string>();
  let at = out;
  try {
    makeFolder(staging);
    made.add(staging);
    writeFileSync(
      join(staging, STAGING_MARK),
      `${JSON.stringify({ generator: 'ideas site', pid: process.pid, host: hostname() })}\n`,
      { flag: 'wx' },
    );
    for (const [path, text] of files) {
      written.push(path);
      at = join(out, path);
      const target = join(staging, path);
      const folder = dirname(target);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      // The folder is new and ours: a file is created, never replaced. A string written to
      // the descriptor is encoded on the way out, without the Buffer writeFileSync makes of it
      // (10,000 of them were a tenth of the build, and garbage).
      const fd = openSync(target, 'wx');
      try {
        if (writeSync(fd, text) !== Buffer.byteLength(text)) throw shortWrite(target);
      } finally {
        closeSync(fd);
      }
    }
    at = out;
    const paths = written.sort();
    writeFileSync(join(staging, MANIFEST), manifestText(paths), { flag: 'wx' });
    rmSync(join(staging, STAGING_MARK));
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

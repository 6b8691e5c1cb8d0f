/**
 * Writing the files of `ideas site` into their folder. A new folder is built beside its place
 * under a temporary name and renamed into place when every file is written: the site appears
 * whole or not at all, and no file needs a temporary name and a rename of its own. Its files go
 * out a few at a time through the thread pool, so the disk works while the next page is built.
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
  writeFile,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { UsageError } from '../errors.js';
import type { SiteFile } from '../site/build-site.js';
import { asWriteError, batchWriter, makeFolder, writeFileAtomic } from './atomic.js';

/** The list of files a run wrote, kept in the folder so the next run knows what is its own. */
export const MANIFEST = '.ideas-site.json';

/**
 * Writes in flight at once into a new folder: enough to keep libuv's four threads busy while a
 * page is built, few enough that the pages waiting to be written stay a few hundred KB.
 */
const IN_FLIGHT = 16;

/** Write the files as they come into `out` (new, empty, or an earlier run's); returns their paths. */
export async function writeSite(out: string, files: Iterable<SiteFile>): Promise<string[]> {
  return existsSync(out) ? updateFolder(out, files) : buildFolder(out, files);
}

function manifestText(paths: readonly string[]): string {
  return `${JSON.stringify({ schema: 1, generator: 'ideas site', files: paths }, null, 1)}\n`;
}

/** A new folder: every file into a sibling under a temporary name, then one rename. */
async function buildFolder(out: string, files: Iterable<SiteFile>): Promise<string[]> {
  const parent = dirname(out);
  makeFolder(parent);
  const staging = join(
    parent,
    `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  // An interrupted run (Ctrl-C ends the process between two writes) leaves no half-built site.
  const discard = () => rmSync(staging, { recursive: true, force: true });
  process.once('exit', discard);
  const written: string[] = [];
  const made = new Set<string>();
  const pending = new Set<Promise<void>>();
  let failure: { error: unknown; path: string } | undefined;
  try {
    makeFolder(staging);
    made.add(staging);
    for (const [path, text] of files) {
      if (failure) break;
      written.push(path);
      const target = join(staging, path);
      const folder = dirname(target);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      const done = new Promise<void>((resolve) =>
        writeFile(target, text, { flag: 'wx' }, (error) => {
          if (error && !failure) failure = { error, path: join(out, path) };
          pending.delete(done);
          resolve();
        }),
      );
      pending.add(done);
      if (pending.size >= IN_FLIGHT) await Promise.race(pending);
    }
    await Promise.all(pending);
    if (failure) throw asWriteError(failure.error, failure.path);
    const paths = written.sort();
    writeFileAtomic(join(staging, MANIFEST), manifestText(paths));
    renameSync(staging, out);
    return paths;
  } catch (error) {
    await Promise.all(pending);
    discard();
    throw error instanceof UsageError ? error : asWriteError(error, out);
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

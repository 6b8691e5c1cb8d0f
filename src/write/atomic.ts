/**
 * Writes that never leave a half-written file: write a temporary file beside the target, then
 * rename it over (atomic on one file system). `exclusive` refuses to replace an existing file,
 * so two commands racing for one path cannot overwrite each other. Whatever fails, the
 * temporary file goes; a full disk or a folder that cannot be written is a WriteError (exit 2).
 */
import {
  accessSync,
  constants,
  existsSync,
  linkSync,
  mkdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { WriteError } from '../errors.js';

export interface WriteOptions {
  /** Fail with EEXIST instead of replacing a file that is already there. */
  exclusive?: boolean;
}

/** The file-system calls the writer makes: a test replaces them to fail at any one of them. */
export interface WriteCalls {
  mkdirSync: typeof mkdirSync;
  writeFileSync: typeof writeFileSync;
  linkSync: typeof linkSync;
  renameSync: typeof renameSync;
}

const fsCalls: WriteCalls = { mkdirSync, writeFileSync, linkSync, renameSync };

export function writeFileAtomic(path: string, text: string, options: WriteOptions = {}): void {
  writeBufferAtomic(path, text, options);
}

export function writeBufferAtomic(
  path: string,
  text: string | Uint8Array,
  options: WriteOptions = {},
  calls: WriteCalls = fsCalls,
): void {
  stageBuffer(path, text, options, calls).place();
}

/**
 * Many files in a row (the 10,000 pages of a site), each written as writeBufferAtomic writes
 * one, with the calls a batch can save: each folder is made once, and the temporary names
 * share one random tag with a counter instead of drawing random bytes for every file.
 */
export function batchWriter(
  calls: WriteCalls = fsCalls,
): (path: string, text: string | Uint8Array) => void {
  const tag = randomBytes(4).toString('hex');
  const made = new Set<string>();
  let count = 0;
  const makeOnce = (folder: string) => {
    if (made.has(folder)) return;
    makeFolder(folder, calls.mkdirSync);
    made.add(folder);
  };
  return (path, text) =>
    stageThroughTemp(path, text, {}, calls, `${tag}-${(count++).toString(36)}`, makeOnce).place();
}

/**
 * A file written in full beside its target but not yet in place: what lets several files be
 * written all or nothing (working-tree.ts). Writing is what a full disk refuses; `place()` is
 * a rename or a link, which takes no room.
 */
export interface StagedFile {
  path: string;
  exclusive: boolean;
  /** Moves it into place; on failure the temporary file is gone and the error is a WriteError. */
  place(): void;
  /** Removes the temporary file (after place(), nothing is left to remove). */
  discard(): void;
}

export function stageFile(path: string, text: string, options: WriteOptions = {}): StagedFile {
  return stageBuffer(path, text, options, fsCalls);
}

function stageBuffer(
  path: string,
  text: string | Uint8Array,
  options: WriteOptions,
  calls: WriteCalls,
): StagedFile {
  return stageThroughTemp(path, text, options, calls, randomBytes(4).toString('hex'), (folder) =>
    makeFolder(folder, calls.mkdirSync),
  );
}

function stageThroughTemp(
  path: string,
  text: string | Uint8Array,
  options: WriteOptions,
  calls: WriteCalls,
  tag: string,
  makeParent: (folder: string) => void,
): StagedFile {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${tag}.tmp`);
  const discard = () => {
    try {
      rmSync(temp, { force: true });
    } catch {
      // a read-only folder cannot hold it either: nothing was left behind
    }
  };
  const failed = (error: unknown): never => {
    // A full disk may have created the temporary file and failed to fill it.
    discard();
    throw asWriteError(error, path);
  };
  try {
    makeParent(dirname(path));
    calls.writeFileSync(temp, text, { flag: 'wx' });
  } catch (error) {
    failed(error);
  }
  return {
    path,
    exclusive: options.exclusive === true,
    discard,
    place() {
      try {
        if (options.exclusive) {
          // link() fails if the target exists: an atomic "create only if absent" with full content.
          calls.linkSync(temp, path);
          rmSync(temp, { force: true });
        } else {
          calls.renameSync(temp, path);
        }
      } catch (error) {
        failed(error);
      }
    },
  };
}

/**
 * `mkdir -p`, with the reason of a failure said plainly: on a read-only file system Node's
 * recursive mkdir reports ENOENT, so the nearest existing folder is asked why it refuses.
 */
export function makeFolder(folder: string, make: typeof mkdirSync = mkdirSync): void {
  try {
    make(folder, { recursive: true });
  } catch (error) {
    throw asWriteError(whyNotWritable(folder) ?? error, folder);
  }
}

function whyNotWritable(folder: string): unknown {
  let at = folder;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  try {
    accessSync(at, constants.W_OK);
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Errors the user can act on, said plainly; any other error is passed on as it is. */
export function asWriteError(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new WriteError(
        `cannot write ${path}: the disk is full`,
        'free some space, then run the command again (nothing was changed)',
        code,
      );
    case 'EROFS':
      return new WriteError(
        `cannot write ${path}: the file system is read-only`,
        'run the command in a copy you can write to',
        code,
      );
    case 'EACCES':
    case 'EPERM':
      return new WriteError(
        `cannot write ${path}: permission denied`,
        'check who owns the folder and its permissions',
        code,
      );
    default:
      return error;
  }
}

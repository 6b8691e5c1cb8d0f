/**
 * Writes that never leave a half-written file: write a temporary file beside the target, then
 * rename it over (atomic on one file system). `exclusive` refuses to replace an existing file,
 * so two commands racing for one path cannot overwrite each other.
 */
import { linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export interface WriteOptions {
  /** Fail with EEXIST instead of replacing a file that is already there. */
  exclusive?: boolean;
}

export function writeFileAtomic(path: string, text: string, options: WriteOptions = {}): void {
  writeBufferAtomic(path, text, options);
}

export function writeBufferAtomic(
  path: string,
  text: string | Uint8Array,
  options: WriteOptions = {},
): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  writeFileSync(temp, text, { flag: 'wx' });
  try {
    if (options.exclusive) {
      // link() fails if the target exists: an atomic "create only if absent" with full content.
      linkSync(temp, path);
      rmSync(temp, { force: true });
    } else {
      renameSync(temp, path);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

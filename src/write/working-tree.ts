/**
 * Writing a change into the working tree: each file atomically, never through a symbolic
 * link, and all or nothing (a failure removes what this change already wrote).
 */
import { lstatSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { FileChange } from '../model/types.js';
import { writeFileAtomic } from './atomic.js';

/** Another run wrote the same file first; the caller may retry with a fresh name. */
export class FileExistsError extends Error {
  override readonly name = 'FileExistsError';
}

/** A repository from anyone's PR may hold `votes -> /somewhere`: never write through a link. */
export function refuseLinks(root: string, path: string): void {
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const at = join(root, ...parts.slice(0, i));
    let link = false;
    try {
      link = lstatSync(at).isSymbolicLink();
    } catch {
      return; // the rest does not exist yet: it will be made as real folders
    }
    if (link) {
      throw new UsageError(
        `${parts.slice(0, i).join('/')} is a symbolic link, and ideas does not write through links`,
        'replace the link with a real folder',
      );
    }
  }
}

export function writeChanges(root: string, changes: readonly FileChange[]): void {
  for (const change of changes) refuseLinks(root, change.path);
  const done: string[] = [];
  try {
    for (const change of changes) {
      const path = join(root, change.path);
      if (change.text === null) rmSync(path, { force: true });
      else writeFileAtomic(path, change.text, { exclusive: change.exclusive });
      done.push(path);
    }
  } catch (error) {
    for (const path of done) rmSync(path, { force: true });
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST')
      throw new FileExistsError();
    throw error;
  }
}

/**
 * Writing a change into the working tree: each file atomically, never through a symbolic
 * link, and all or nothing (a failure removes what this change already wrote).
 */
import { lstatSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { FileChange } from '../model/types.js';
import { stageFile, type StagedFile } from './atomic.js';

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
  writeAllOrNothing(changes.map((change) => ({ ...change, path: join(root, change.path) })));
}

/**
 * Files written all or nothing (paths absolute). Each is written in full beside its target
 * first; only when all are written do they move into place, new files first (another run's
 * file is found before anything is replaced), then the deletions. A full disk therefore
 * changes nothing: before, a rename whose new file did not fit had already deleted the old one.
 */
export function writeAllOrNothing(files: readonly FileChange[]): void {
  const staged: StagedFile[] = [];
  try {
    for (const file of files)
      if (file.text !== null)
        staged.push(stageFile(file.path, file.text, { exclusive: file.exclusive }));
  } catch (error) {
    for (const file of staged) file.discard();
    throw error;
  }
  const order = [...staged.filter((f) => f.exclusive), ...staged.filter((f) => !f.exclusive)];
  const placed: StagedFile[] = [];
  try {
    for (const file of order) {
      file.place();
      placed.push(file);
    }
  } catch (error) {
    for (const file of staged) file.discard();
    // New files can be taken back; a replaced file is only placed once every new one is in.
    for (const file of placed) if (file.exclusive) rmSync(file.path, { force: true });
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST')
      throw new FileExistsError();
    throw error;
  }
  for (const file of files) if (file.text === null) rmSync(file.path, { force: true });
}

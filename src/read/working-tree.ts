/**
 * Reads the records of a working tree by walking its folders: the fallback when the root is
 * not in a git work tree (git-index.ts is the fast path), and the reader of single files.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  readdirSync,
  type Dirent,
} from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE, RECORD_FOLDERS, TEMPLATE_PATH } from '../model/layout.js';
import type { Problem, SourceFile } from '../model/types.js';
import { MAX_FILE_BYTES, checkBytes, refusal } from './limits.js';

export interface RawTree {
  files: SourceFile[];
  problems: Problem[];
  configText: string | undefined;
  templateText: string | undefined;
  /** Record paths left unread because a selection did not want them: their names still say what they are. */
  unread?: string[];
}

/** Deeper than any layout allows: a guard against pathological trees, not a rule. */
const MAX_DEPTH = 6;

export function readWorkingTree(root: string): RawTree {
  const tree: RawTree = { files: [], problems: [], configText: undefined, templateText: undefined };
  const walk = (relative: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, relative), { withFileTypes: true });
    } catch {
      return; // A record folder that does not exist holds no records.
    }
    for (const entry of entries) {
      const path = `${relative}/${entry.name}`;
      // Never followed: a link could point anywhere outside the repository.
      if (entry.isSymbolicLink()) tree.problems.push(refusal(path, 'symlink'));
      else if (entry.isDirectory()) {
        if (depth < MAX_DEPTH) walk(path, depth + 1);
        else tree.problems.push(refusal(path, 'too-deep'));
      } else if (entry.isFile()) {
        const text = readFile(root, path, tree.problems);
        if (text !== undefined) tree.files.push({ path, text });
      }
    }
  };
  for (const folder of RECORD_FOLDERS) {
    if (isSymlink(join(root, folder))) tree.problems.push(refusal(folder, 'symlink'));
    else walk(folder, 1);
  }
  tree.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  tree.configText = readFromDisk(root, CONFIG_FILE, tree.problems);
  tree.templateText = readFromDisk(root, TEMPLATE_PATH, tree.problems);
  return tree;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** One file of the working tree, never through a link; undefined (and a problem) when refused or absent. */
export function readFromDisk(
  root: string,
  relative: string,
  problems: Problem[],
): string | undefined {
  const parts = relative.split('/');
  // Every folder on the way must be real too: a linked folder could lead out of the repository.
  for (let i = 1; i <= parts.length; i++) {
    if (isSymlink(join(root, ...parts.slice(0, i)))) {
      problems.push(refusal(relative, 'symlink'));
      return undefined;
    }
  }
  return readFile(root, relative, problems);
}

/** Reads a file known not to be a link, refusing large and binary ones before decoding. */
function readFile(root: string, relative: string, problems: Problem[]): string | undefined {
  let fd: number;
  try {
    // Non-blocking, so a named pipe where a record was opens at once instead of waiting for a
    // writer (no effect on a regular file).
    fd = openSync(join(root, relative), constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    // Absent is fine (an optional file); present but unreadable must not pass unnoticed.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      problems.push(refusal(relative, 'unreadable'));
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    // A record that became a folder is gone, as if removed (its own files are listed on their
    // own); a pipe, socket or device is refused before a byte is read.
    if (stats.isDirectory()) return undefined;
    if (!stats.isFile()) {
      problems.push(refusal(relative, 'not-a-file'));
      return undefined;
    }
    const { size } = stats;
    if (size > MAX_FILE_BYTES) {
      problems.push(refusal(relative, 'too-large'));
      return undefined;
    }
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    const bytes = buffer.subarray(0, read);
    const refused = checkBytes(bytes);
    if (refused) {
      problems.push(refusal(relative, refused));
      return undefined;
    }
    return bytes.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

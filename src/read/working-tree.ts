/** Reads the records of the working tree: the record folders, the config and the template. */
import {
  closeSync,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  readdirSync,
  type Dirent,
} from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE } from '../parse/config.js';
import { RECORD_FOLDERS, TEMPLATE_PATH } from '../parse/layout.js';
import type { Problem, SourceFile } from '../model/types.js';
import { MAX_FILE_BYTES, hasNulByte } from './limits.js';

export interface RawTree {
  files: SourceFile[];
  problems: Problem[];
  configText: string | undefined;
  templateText: string | undefined;
}

/** Deeper than any layout allows: a guard against pathological trees, not a rule. */
const MAX_DEPTH = 6;

export function readWorkingTree(root: string): RawTree {
  const files: SourceFile[] = [];
  const problems: Problem[] = [];
  const refuse = (path: string, message: string) =>
    problems.push({
      rule: 'repo/unreadable-file',
      severity: 'error',
      file: path,
      line: 1,
      column: 1,
      message,
    });

  // Files met by the walk are known not to be links; only named paths need the extra lstat.
  const readText = (relative: string, checkLink = true): string | undefined => {
    if (checkLink && isSymlink(join(root, relative))) {
      refuse(
        relative,
        'symbolic links are not followed in an ideas repository: replace the link with the file itself',
      );
      return undefined;
    }
    const result = readSmallFile(join(root, relative));
    if (result.kind === 'text') return result.text;
    if (result.kind === 'too-large')
      refuse(
        relative,
        `the file is over ${MAX_FILE_BYTES / 1024} KiB: records are short; cut it down`,
      );
    if (result.kind === 'binary')
      refuse(relative, 'the file is binary (it holds NUL bytes): records are UTF-8 Markdown');
    return undefined;
  };

  const walk = (relative: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, relative), { withFileTypes: true });
    } catch {
      return; // A record folder that does not exist holds no records.
    }
    for (const entry of entries) {
      const path = `${relative}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        // Never followed: a link could point anywhere outside the repository.
        refuse(
          path,
          'symbolic links are not followed in an ideas repository: replace the link with the file itself',
        );
      } else if (entry.isDirectory()) {
        if (depth < MAX_DEPTH) walk(path, depth + 1);
      } else if (entry.isFile()) {
        const text = readText(path, false);
        if (text !== undefined) files.push({ path, text });
      }
    }
  };
  for (const folder of RECORD_FOLDERS) {
    if (isSymlink(join(root, folder)))
      refuse(
        folder,
        'symbolic links are not followed in an ideas repository: make it a real folder',
      );
    else walk(folder, 1);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  return {
    files,
    problems,
    configText: readText(CONFIG_FILE),
    templateText: readTextIfPresent(root, TEMPLATE_PATH, refuse),
  };
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function readTextIfPresent(
  root: string,
  relative: string,
  refuse: (path: string, message: string) => void,
): string | undefined {
  if (isSymlink(join(root, relative)) || isSymlink(join(root, 'templates'))) {
    refuse(
      relative,
      'symbolic links are not followed in an ideas repository: replace the link with the file itself',
    );
    return undefined;
  }
  const result = readSmallFile(join(root, relative));
  if (result.kind === 'text') return result.text;
  if (result.kind !== 'missing')
    refuse(relative, 'the template must be a small UTF-8 Markdown file');
  return undefined;
}

type ReadResult = { kind: 'text'; text: string } | { kind: 'missing' | 'too-large' | 'binary' };

function readSmallFile(path: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return { kind: 'missing' };
  }
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_FILE_BYTES) return { kind: 'too-large' };
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    const bytes = buffer.subarray(0, read);
    if (hasNulByte(bytes)) return { kind: 'binary' };
    return { kind: 'text', text: bytes.toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

/** One file of the working tree, never through a link; undefined (and a problem) when refused. */
export function readFromDisk(
  root: string,
  relative: string,
  refuse: (path: string, message: string) => void,
): string | undefined {
  const parts = relative.split('/');
  // Every folder on the way must be real too: a linked folder could lead out of the repository.
  for (let i = 1; i <= parts.length; i++) {
    if (isSymlink(join(root, ...parts.slice(0, i)))) {
      refuse(
        relative,
        'symbolic links are not followed in an ideas repository: replace the link with the file itself',
      );
      return undefined;
    }
  }
  const result = readSmallFile(join(root, relative));
  if (result.kind === 'text') return result.text;
  if (result.kind === 'too-large')
    refuse(
      relative,
      `the file is over ${MAX_FILE_BYTES / 1024} KiB: records are short; cut it down`,
    );
  if (result.kind === 'binary')
    refuse(relative, 'the file is binary (it holds NUL bytes): records are UTF-8 Markdown');
  return undefined;
}

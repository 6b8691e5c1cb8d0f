/**
 * Reads the working tree fast through git: files that match the index come from the object
 * store through one `git cat-file --batch` (measured: 0.4 s for 115,000 files, against 1.1 s
 * for opening each file), and only modified or untracked files are read from disk.
 */
import { CONFIG_FILE } from '../parse/config.js';
import { RECORD_FOLDERS, TEMPLATE_PATH } from '../parse/layout.js';
import { readBlobs, runGit, runGitAsync } from '../git/git-process.js';
import { MAX_FILE_BYTES, hasNulByte } from './limits.js';
import { readFromDisk, type RawTree } from './working-tree.js';
import { withParse, type ParseCache } from './parse-cache.js';
import { recordKindOf } from '../parse/records.js';
import type { RecordKind } from '../model/types.js';

const SYMLINK_MESSAGE =
  'symbolic links are not followed in an ideas repository: replace the link with the file itself';

/** The working tree read through git's index, or undefined when the root is not in a git work tree. */
export async function readWorkingTreeViaGit(
  root: string,
  cache?: ParseCache,
): Promise<RawTree | undefined> {
  const pathspecs = ['--', ...RECORD_FOLDERS, TEMPLATE_PATH, CONFIG_FILE];
  const staged = runGit(root, ['ls-files', '-z', '-s', ...pathspecs]);
  if (staged.status !== 0) return undefined;
  // Finding changed files stats every file; it runs while cat-file streams the blobs.
  const dirtyScan = runGitAsync(root, [
    'ls-files',
    '-z',
    '-t',
    '-m',
    '-d',
    '-o',
    '--exclude-standard',
    ...pathspecs,
  ]);
  const fromIndex: {
    path: string;
    id: string;
    mode: string;
    stage: string;
    kind: RecordKind | undefined;
  }[] = [];
  for (const entry of staged.stdout.toString('utf8').split('\0')) {
    if (!entry) continue;
    const tab = entry.indexOf('\t');
    const [mode = '', id = '', stage = ''] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    fromIndex.push({ path, id, mode, stage, kind: recordKindOf(path) });
  }
  const clean = fromIndex.filter(
    (entry) => entry.mode !== '120000' && entry.mode !== '160000' && entry.stage === '0',
  );
  // Blobs whose parse is cached need not be read at all.
  const wanted = clean.filter((entry) => !cache?.has(entry.id, entry.kind));
  const [dirty, blobs] = await Promise.all([
    dirtyScan,
    readBlobs(
      root,
      wanted.map((entry) => entry.id),
    ),
  ]);
  if (dirty.status !== 0) return undefined;

  const removed = new Set<string>();
  const fromDisk = new Set<string>();
  for (const entry of dirty.stdout.toString('utf8').split('\0')) {
    if (!entry) continue;
    const tag = entry[0];
    const path = entry.slice(2);
    if (tag === 'R') removed.add(path);
    else fromDisk.add(path);
  }

  const tree: RawTree = { files: [], problems: [], configText: undefined, templateText: undefined };
  const refuse = (path: string, message: string) =>
    tree.problems.push({
      rule: 'repo/unreadable-file',
      severity: 'error',
      file: path,
      line: 1,
      column: 1,
      message,
    });
  const accept = (path: string, text: string, id?: string, kind?: RecordKind) => {
    if (path === CONFIG_FILE) tree.configText = text;
    else if (path === TEMPLATE_PATH) tree.templateText = text;
    else tree.files.push(withParse({ path, text }, id, cache, kind));
  };

  for (const { path, mode, stage } of fromIndex) {
    if (removed.has(path) || fromDisk.has(path)) continue;
    if (mode === '120000') refuse(path, SYMLINK_MESSAGE);
    else if (stage !== '0' && mode !== '160000') fromDisk.add(path); // a merge conflict: what is on disk is what the user sees
  }
  wanted.forEach(({ path }, index) => {
    if (removed.has(path) || fromDisk.has(path)) return;
    const bytes = blobs[index] ?? Buffer.alloc(0);
    if (bytes.length > MAX_FILE_BYTES)
      refuse(path, `the file is over ${MAX_FILE_BYTES / 1024} KiB: records are short; cut it down`);
    else if (hasNulByte(bytes))
      refuse(path, 'the file is binary (it holds NUL bytes): records are UTF-8 Markdown');
    else accept(path, bytes.toString('utf8'), wanted[index]?.id, wanted[index]?.kind);
  });
  for (const { path, id, kind } of clean) {
    if (!removed.has(path) && !fromDisk.has(path) && cache?.has(id, kind))
      accept(path, '', id, kind);
  }
  for (const path of [...fromDisk].sort()) {
    const text = readFromDisk(root, path, refuse);
    if (text !== undefined) accept(path, text);
  }
  tree.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return tree;
}

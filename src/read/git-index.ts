/**
 * Reads the working tree fast through git: files that match the index come from the object
 * store through one `git cat-file --batch` (measured: 0.4 s for 115,000 files, against 1.1 s
 * for opening each file), and only modified or untracked files are read from disk.
 */
import { CONFIG_FILE } from '../parse/config.js';
import { RECORD_FOLDERS, TEMPLATE_PATH } from '../model/layout.js';
import { runGit, runGitAsync, streamBlobs, type GitDir } from '../git/git-process.js';
import { checkBytes, refusal, type Refusal } from './limits.js';
import { readFromDisk, type RawTree } from './working-tree.js';
import { withParse, type ParseCache } from './parse-cache.js';
import type { ParsedSource } from '../parse/records.js';
import { recordKindOf } from '../parse/records.js';
import type { RecordKind, SourceFile } from '../model/types.js';

/** The working tree read through git's index, or undefined when the root is not in a git work tree. */
export async function readWorkingTreeViaGit(
  dir: GitDir,
  openCache?: () => ParseCache | undefined,
): Promise<RawTree | undefined> {
  const pathspecs = ['--', ...RECORD_FOLDERS, TEMPLATE_PATH, CONFIG_FILE];
  const staged = runGit(dir, ['ls-files', '-z', '-s', ...pathspecs]);
  if (staged.status !== 0) return undefined;
  // Finding changed files stats every file; it runs while cat-file streams the blobs. Two
  // commands, because one `ls-files -t -m -d -o` took 1.1 s where these take 0.26 s and 0.2 s.
  const dirtyScan = Promise.all([
    runGitAsync(dir, ['ls-files', '-z', '-t', '-m', '-d', ...pathspecs]),
    runGitAsync(dir, ['ls-files', '-z', '-o', '--exclude-standard', ...pathspecs]),
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
  const cache = openCache?.();
  // Blobs whose parse is cached need not be read at all.
  const wanted: typeof clean = [];
  const fromCache: { path: string; parsed: ParsedSource }[] = [];
  for (const entry of clean) {
    const parsed = cache?.cached(entry.id, entry.kind);
    if (parsed) fromCache.push({ path: entry.path, parsed });
    else wanted.push(entry);
  }
  // Each blob is parsed as it arrives, while git streams the rest and scans for changed files.
  const read: (SourceFile | Refusal)[] = new Array<SourceFile | Refusal>(wanted.length);
  const [[changed, untracked]] = await Promise.all([
    dirtyScan,
    streamBlobs(
      dir,
      wanted.map((entry) => entry.id),
      (index, bytes) => {
        const entry = wanted[index];
        if (!entry) return;
        const text = () => bytes.toString('utf8');
        read[index] =
          checkBytes(bytes) ??
          withParse(
            { path: entry.path, text: entry.kind ? '' : text() },
            entry.id,
            cache,
            entry.kind,
            text,
          );
      },
    ),
  ]);
  if (changed.status !== 0 || untracked.status !== 0) return undefined;

  const removed = new Set<string>();
  const fromDisk = new Set<string>();
  // `-t` tags each path: "R " removed from disk, "C " changed.
  for (const entry of changed.stdout.toString('utf8').split('\0')) {
    if (!entry) continue;
    if (entry[0] === 'R') removed.add(entry.slice(2));
    else fromDisk.add(entry.slice(2));
  }
  for (const path of untracked.stdout.toString('utf8').split('\0')) if (path) fromDisk.add(path);

  const tree: RawTree = { files: [], problems: [], configText: undefined, templateText: undefined };
  const keep = (file: SourceFile) => {
    if (file.path === CONFIG_FILE) tree.configText = file.text;
    else if (file.path === TEMPLATE_PATH) tree.templateText = file.text;
    else tree.files.push(file);
  };

  for (const { path, mode, stage } of fromIndex) {
    if (removed.has(path) || fromDisk.has(path)) continue;
    if (mode === '120000') tree.problems.push(refusal(path, 'symlink'));
    else if (stage !== '0' && mode !== '160000') fromDisk.add(path); // a merge conflict: what is on disk is what the user sees
  }
  wanted.forEach(({ path }, index) => {
    if (removed.has(path) || fromDisk.has(path)) return;
    const file = read[index];
    if (typeof file === 'string') tree.problems.push(refusal(path, file));
    else if (file) keep(file);
  });
  for (const { path, parsed } of fromCache) {
    if (!removed.has(path) && !fromDisk.has(path)) keep({ path, text: '', parsed });
  }
  for (const path of [...fromDisk].sort()) {
    const text = readFromDisk(dir.cwd, path, tree.problems);
    if (text !== undefined) keep({ path, text });
  }
  tree.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return tree;
}

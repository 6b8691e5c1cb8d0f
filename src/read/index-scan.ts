/**
 * What git says about some folders of the working tree, asked once per command: the index
 * entries there, the untracked files and the files that differ from the index. A command that
 * reads in rounds (validate/affected.ts) or reads the config before what it writes (cli/session.ts)
 * asks git only about the pathspecs no earlier round listed, and each answer is cut to exactly
 * the pathspecs asked for, so a round sees what a listing of its own pathspecs would give.
 *
 * Every git process here loads the whole index (10 MB, 115,000 entries on the benchmark): a
 * command that asks once runs three (`ls-files -s`, `ls-files -o`, `diff-files`) side by side,
 * where each round ran three one after the other before.
 */
import { CONFIG_FILE, RECORD_FOLDERS, TEMPLATE_PATH, recordKindOf } from '../model/layout.js';
import { names } from '../parse/string-pool.js';
import { runGitAsync, type GitDir } from '../git/git-process.js';
import type { Problem, RecordKind, SourceFile } from '../model/types.js';
import { createHash } from 'node:crypto';
import type { Refusal } from './limits.js';
import { readFromDisk } from './working-tree.js';

export interface IndexEntry {
  path: string;
  id: string;
  mode: string;
  stage: string;
  kind: RecordKind | undefined;
  /** Left off disk by a sparse checkout: its blob may be missing from a partial clone too. */
  offDisk: boolean;
}

/** A file read from disk: its text, or the problems that refused it (none when absent). */
export interface DiskFile {
  text: string | undefined;
  problems: Problem[];
}

/** The working tree under some pathspecs, as git named it. */
export interface ScanView {
  entries: IndexEntry[];
  untracked: Set<string>;
  /** Removed from disk ("D") and otherwise different from the index (modified, type, unmerged). */
  removed: Set<string>;
  changed: Set<string>;
}

/** One command's knowledge of the working tree; a new one for a read that must see new writes. */
export interface IndexScan {
  /** Pathspecs (root-relative, literal) already listed. */
  listed: string[];
  /** Listed with the first request, whatever it asks: what the command knows it will need. */
  prefetch: string[];
  entries: Map<string, IndexEntry>;
  untracked: Set<string>;
  removed: Set<string>;
  changed: Set<string>;
  /**
   * The untracked, changed and removed files of the whole root are known already (`validate
   * --changed-since` found them): git lists only the index.
   */
  dirtyKnown: boolean;
  /** Blobs already streamed, by path and blob id; disk files already read, by path. */
  blobs: BlobMemo;
  disk: Map<string, DiskFile>;
  /**
   * The first listing, not yet put in `entries`: a read that lists once (most commands) never
   * needs that map, whose keys were 115,000 strings made for nothing.
   */
  unindexed?: IndexEntry[] | undefined;
}

/** What a blob read gave: its file, or why it was refused. */
export type BlobRead = SourceFile | Refusal;

/**
 * The blobs each round streamed, kept as they came; indexed by path and blob id only when a
 * later round asks (most commands stream once, and building the keys cost as much as the
 * framing of the blobs).
 */
export interface BlobMemo {
  rounds: { entries: readonly IndexEntry[]; read: readonly (BlobRead | undefined)[] }[];
  index?: Map<string, BlobRead> | undefined;
}

/** Remembers what a round streamed (`read[i]` for `entries[i]`) for the rounds after it. */
export function rememberBlobs(
  memo: BlobMemo,
  entries: readonly IndexEntry[],
  read: readonly (BlobRead | undefined)[],
): void {
  memo.rounds.push({ entries, read });
  memo.index = undefined;
}

/** What earlier rounds streamed, by path and blob id; undefined when none did. */
export function streamedBefore(memo: BlobMemo): Map<string, BlobRead> | undefined {
  if (memo.rounds.length === 0) return undefined;
  if (!memo.index) {
    memo.index = new Map();
    for (const { entries, read } of memo.rounds)
      entries.forEach((entry, at) => {
        const file = read[at];
        if (file !== undefined) memo.index?.set(blobKey(entry), file);
      });
  }
  return memo.index;
}

export const blobKey = (entry: Pick<IndexEntry, 'path' | 'id'>) => `${entry.path}\0${entry.id}`;

/** Every entry listed so far, by path and stage. */
function entriesOf(scan: IndexScan): Map<string, IndexEntry> {
  if (scan.unindexed) {
    for (const entry of scan.unindexed) scan.entries.set(entryKey(entry), entry);
    scan.unindexed = undefined;
  }
  return scan.entries;
}

const entryKey = (entry: IndexEntry) => `${entry.path}\0${entry.stage}`;

/** Untracked, changed and removed files of the whole root, root-relative. */
export type RootDirt = Pick<ScanView, 'untracked' | 'changed' | 'removed'>;

export function newIndexScan(prefetch: readonly string[] = [], dirt?: RootDirt): IndexScan {
  return {
    listed: [],
    prefetch: [...prefetch],
    entries: new Map(),
    untracked: new Set(dirt?.untracked),
    removed: new Set(dirt?.removed),
    changed: new Set(dirt?.changed),
    dirtyKnown: dirt !== undefined,
    blobs: { rounds: [] },
    disk: new Map(),
  };
}

/** Where git looks: the record folders (or a selection's scope), the template and the config. */
export function pathspecsOf(scope?: readonly string[]): string[] {
  return [...(scope ?? RECORD_FOLDERS), TEMPLATE_PATH, CONFIG_FILE];
}

/**
 * The three listings of the working tree, each spelt here alone. `pathspecs` are root-relative
 * literal paths (none: the whole root). Undefined when git cannot list (not a work tree).
 */
export async function listEntries(
  dir: GitDir,
  pathspecs: readonly string[],
): Promise<IndexEntry[] | undefined> {
  // -t tags each entry: S when a sparse checkout leaves it off disk (the skip-worktree bit).
  const result = await runGitAsync(dir, ['ls-files', '-z', '-s', '-t', '--', ...pathspecs]);
  if (result.status !== 0) return undefined;
  const entries: IndexEntry[] = [];
  eachIndexEntry(result.stdout, (entry) => entries.push(entry));
  return entries;
}

/** The untracked files git does not ignore. */
export async function listUntracked(
  dir: GitDir,
  pathspecs: readonly string[],
): Promise<Set<string> | undefined> {
  const result = await runGitAsync(dir, [
    'ls-files',
    '-z',
    '-o',
    '--exclude-standard',
    '--',
    ...pathspecs,
  ]);
  if (result.status !== 0) return undefined;
  return new Set(
    result.stdout
      .toString('utf8')
      .split('\0')
      .filter((path) => path !== ''),
  );
}

/**
 * The files that differ from the index: `diff-files` matches the pathspecs before it stats,
 * where `ls-files -m -d` stats every entry under their common folder (for `ideas/` with
 * `ideas.config.yaml`, the whole index: 0.8 s on 115,000 files against 0.27 s). --relative:
 * it names paths from the top, ls-files from the root.
 */
export async function listDiffering(
  dir: GitDir,
  pathspecs: readonly string[],
): Promise<Pick<RootDirt, 'removed' | 'changed'> | undefined> {
  const result = await runGitAsync(dir, [
    'diff-files',
    '-z',
    '--name-status',
    '--no-renames',
    '--relative',
    // What a submodule holds is never a record; its folder would be read as a changed file.
    '--ignore-submodules',
    '--',
    ...pathspecs,
  ]);
  if (result.status !== 0) return undefined;
  return parseDiffFiles(result.stdout.toString('utf8'));
}

/**
 * What differs from the index under `pathspecs`: untracked, changed and removed files, the two
 * listings side by side (each stats or walks every file in scope: ~0.3 s at 115,000 files).
 */
export async function listDirt(
  dir: GitDir,
  pathspecs: readonly string[],
): Promise<RootDirt | undefined> {
  const [untracked, differing] = await Promise.all([
    listUntracked(dir, pathspecs),
    listDiffering(dir, pathspecs),
  ]);
  return untracked && differing ? { untracked, ...differing } : undefined;
}

/** `diff-files --name-status`: "D", path removed from disk; any other status ("M", "T", "U"), path changed. */
function parseDiffFiles(out: string): { removed: Set<string>; changed: Set<string> } {
  const found = { removed: new Set<string>(), changed: new Set<string>() };
  const fields = out.split('\0');
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i] ?? '';
    const path = fields[i + 1] ?? '';
    if (path) (status === 'D' ? found.removed : found.changed).add(path);
  }
  return found;
}

/** Whether the pathspec `spec` (git's literal matching: the path, or a folder and all below) holds `path`. */
export function specHolds(spec: string, path: string): boolean {
  if (spec.endsWith('/')) return path.startsWith(spec);
  return path === spec || path.startsWith(`${spec}/`);
}

/**
 * The index, untracked and changed files under `specs`: git is asked about the pathspecs no
 * earlier request held, then the whole is cut to `specs`. `listed` resolves first, so blobs can
 * stream while `diff-files` still stats. Undefined when git cannot list (not a work tree).
 */
export function scanSpecs(
  dir: GitDir,
  scan: IndexScan,
  specs: readonly string[],
): { listed: Promise<IndexEntry[] | undefined>; view: Promise<ScanView | undefined> } {
  const missing = specs.filter((spec) => !scan.listed.some((done) => specHolds(done, spec)));
  const ask = [
    ...missing,
    ...scan.prefetch.filter((spec) => !scan.listed.some((done) => specHolds(done, spec))),
  ];
  scan.prefetch = [];
  const holds = holderOf(specs);
  if (ask.length === 0) {
    const view = cut(scan, holds);
    return { listed: Promise.resolve(view.entries), view: Promise.resolve(view) };
  }
  // Three processes, not one `ls-files -s -o`: the untracked search walks every folder in
  // scope, and the blobs stream as soon as the index is listed.
  const listing = listEntries(dir, ask);
  const dirt = scan.dirtyKnown ? undefined : listDirt(dir, ask);
  let failed = false;
  // The first listing of exactly `specs` is their entries as they are: git lists each entry
  // once, and only what the pathspecs hold. Sorting them into the map waits for a next round.
  // Decided now, so rounds of one scan must run one after the other (every caller awaits its
  // round): a second round started before the first was listed would also take this path and
  // put its entries in place of the first's.
  const first =
    scan.listed.length === 0 &&
    scan.entries.size === 0 &&
    !scan.unindexed &&
    ask.length === specs.length &&
    ask.every((spec, at) => spec === specs[at]);
  let exact: IndexEntry[] | undefined;
  const listed = listing.then((entries) => {
    if (!entries) {
      failed = true;
      return undefined;
    }
    if (first) {
      scan.unindexed = exact = entries;
      return entries;
    }
    const known = entriesOf(scan);
    for (const entry of entries) known.set(entryKey(entry), entry);
    return [...known.values()].filter((entry) => holds(entry.path));
  });
  const view = Promise.all([listed, dirt]).then(([, found]) => {
    if (failed || (dirt && !found)) return undefined;
    if (found) addDirt(scan, found);
    scan.listed.push(...ask);
    return cut(scan, holds, exact);
  });
  // A caller awaits one of the two and may leave the other when it fails: both fail with the
  // same error, which must reach the caller as a GitError (exit 3), not kill the process as an
  // unhandled rejection. Awaiting either still throws.
  listed.catch(() => undefined);
  view.catch(() => undefined);
  return { listed, view };
}

/** A test for "some spec holds this path", in a few set look-ups per path, not one per spec. */
function holderOf(specs: readonly string[]): (path: string) => boolean {
  const exact = new Set<string>();
  const folders = new Set<string>();
  for (const spec of specs) {
    if (spec.endsWith('/')) folders.add(spec.slice(0, -1));
    else {
      exact.add(spec);
      folders.add(spec);
    }
  }
  return (path) => {
    if (exact.has(path)) return true;
    for (let slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1))
      if (folders.has(path.slice(0, slash))) return true;
    return false;
  };
}

/** The scan under the specs `holds` tests; `entries` when they are known to be exactly those. */
function cut(scan: IndexScan, holds: (path: string) => boolean, entries?: IndexEntry[]): ScanView {
  const only = (paths: Set<string>) => new Set([...paths].filter(holds));
  return {
    entries: entries ?? [...entriesOf(scan).values()].filter((entry) => holds(entry.path)),
    untracked: only(scan.untracked),
    removed: only(scan.removed),
    changed: only(scan.changed),
  };
}

/** git's file modes, the same few strings for every entry: matched on the bytes, not decoded. */
const MODES = ['100644', '100755', '120000', '160000'].map((mode) => ({
  mode,
  bytes: Buffer.from(mode, 'latin1'),
}));

function modeAt(out: Buffer, from: number, to: number): string {
  if (to - from === 6)
    for (const { mode, bytes } of MODES) {
      let i = 0;
      while (i < 6 && out[from + i] === bytes[i]) i++;
      if (i === 6) return mode;
    }
  return names.string(out.toString('latin1', from, to));
}

const STAGES = ['0', '1', '2', '3'];

/** A stage is one digit, 0 to 3: by its byte. */
function stageAt(out: Buffer, from: number, to: number): string {
  const digit = (out[from] ?? 0) - 48;
  const stage = to === from + 1 ? STAGES[digit] : undefined;
  return stage ?? names.string(out.toString('latin1', from, to));
}

/**
 * The entries of an `ls-files -s -t` listing (NUL-separated "H mode id stage\tpath", "S" for an
 * entry off disk). Each field is decoded from the bytes on its own: a slice of one decoded
 * listing would keep all of it (9 MB at 115,000 files) alive for as long as any record keeps
 * its path. Modes and stages are pooled: a handful of values for every entry.
 */
export function eachIndexEntry(out: Buffer, onEntry: (entry: IndexEntry) => void): void {
  for (let start = 0; start < out.length;) {
    let end = out.indexOf(0, start);
    if (end === -1) end = out.length;
    const idAt = out.indexOf(32, start + 2) + 1;
    const stageFrom = idAt > 0 ? out.indexOf(32, idAt) + 1 : 0;
    const tab = stageFrom > 0 ? out.indexOf(9, stageFrom) : -1;
    if (tab !== -1 && tab < end) {
      const path = out.toString('utf8', tab + 1, end);
      onEntry({
        path,
        id: out.toString('latin1', idAt, stageFrom - 1),
        mode: modeAt(out, start + 2, idAt - 1),
        stage: stageAt(out, stageFrom, tab),
        kind: recordKindOf(path),
        offDisk: out[start] === 83, // "S"
      });
    }
    start = end + 1;
  }
}

function addDirt(scan: IndexScan, dirt: RootDirt): void {
  for (const path of dirt.untracked) scan.untracked.add(path);
  for (const path of dirt.removed) scan.removed.add(path);
  for (const path of dirt.changed) scan.changed.add(path);
}

/**
 * Names what the files under `view` hold, without reading a blob: the index's ids and modes,
 * the removed paths and the text of every changed and untracked file (read once, kept for the
 * read that follows). Equal names, equal files: a key for an answer computed from them alone.
 */
export function nameView(dir: GitDir, scan: IndexScan, view: ScanView): string {
  const entries = view.entries.map((e) => `${e.path}\0${e.mode}\0${e.id}\0${e.stage}`).sort();
  return nameDirt(dir, scan, view, `entries\0${entries.join('\0')}`);
}

/**
 * Names the files under `dirt` the same way, with `index` naming the index's side: the
 * entries, or something that names them all (the index file's checksum, cli/repository.ts).
 */
export function nameDirt(dir: GitDir, scan: IndexScan, dirt: RootDirt, index: string): string {
  const hash = createHash('sha256');
  hash.update(`${index}\0removed\0${[...dirt.removed].sort().join('\0')}`);
  for (const path of [...dirt.changed, ...dirt.untracked].sort()) {
    const file = diskFile(dir, scan, path);
    hash.update(`\0disk\0${path}\0${JSON.stringify(file.problems)}\0${file.text ?? '\0absent'}`);
  }
  return hash.digest('hex');
}

/** A file of the working tree read once per command: the text a key names is the text read. */
export function diskFile(dir: GitDir, scan: IndexScan, path: string): DiskFile {
  let file = scan.disk.get(path);
  if (!file) {
    const problems: Problem[] = [];
    file = { text: readFromDisk(dir.cwd, path, problems), problems };
    scan.disk.set(path, file);
  }
  return file;
}

/** Whether every pathspec git was asked about lies within `specs`: nothing else was listed. */
export function listedWithin(scan: IndexScan, specs: readonly string[]): boolean {
  return scan.listed.every((done) => specs.some((spec) => specHolds(spec, done)));
}

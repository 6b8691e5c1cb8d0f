/**
 * Reads the working tree fast through git: files that match the index come from the object
 * store through one `git cat-file --batch` (measured: 0.4 s for 115,000 files, against 1.1 s
 * for opening each file), and only modified or untracked files are read from disk. What git
 * lists goes through index-scan.ts, the one scanner of the working tree.
 *
 * Two ways in. `readWorkingTreeViaGit` streams the blobs while git looks for changed files
 * (the fastest first read). `surveyWorkingTree` (tree-identity.ts) first names what the tree
 * is made of, so a cached answer can be used without reading anything; its scan then feeds the
 * read.
 */
import { CONFIG_FILE, TEMPLATE_PATH } from '../model/layout.js';
import { fetchMissingBlobs, streamBlobs, type GitDir } from '../git/git-process.js';
import { MAX_FILE_BYTES, checkBytes, refusal, type Refusal } from './limits.js';
import type { RawTree } from './working-tree.js';
import {
  diskFile,
  newIndexScan,
  pathspecsOf,
  scanSpecs,
  rememberBlobs,
  streamedBefore,
  blobKey,
  type BlobMemo,
  type DiskFile,
  type IndexEntry,
  type IndexScan,
} from './index-scan.js';
import { withParse, type ParseCache } from './parse-cache.js';
import type { ParsedSource } from '../parse/records.js';
import type { SourceFile } from '../model/types.js';

/**
 * The record paths a read wants: `select` accepts them (config and template are always read),
 * `scope` holds them all as literal git pathspecs, so git lists and stats no more.
 */
export interface TreeSelection {
  select: (path: string) => boolean;
  scope?: readonly string[] | undefined;
}

interface Listing {
  entries: IndexEntry[];
}

/** What is not as the index has it: removed from disk, or to be read from disk. */
interface Dirty {
  removed: Set<string>;
  fromDisk: Set<string>;
}

/**
 * The working tree read through git's index, or undefined when the root is not in a git work
 * tree. Git lists the scope once per command (index-scan.ts, whatever the rounds). With a
 * selection, only selected blobs are streamed and only selected changed files read from disk;
 * the other paths listed are `unread`, as at a ref: their names still count (an idea file's
 * name is an id).
 */
export async function readWorkingTreeViaGit(
  dir: GitDir,
  openCache?: () => ParseCache | undefined,
  selection?: TreeSelection,
  scan: IndexScan = newIndexScan(),
): Promise<RawTree | undefined> {
  const { listed, view } = scanSpecs(dir, scan, pathspecsOf(selection?.scope));
  const entries = await listed;
  if (!entries) return undefined;
  const wants = selection ? wantedBy(selection) : () => true;
  const listing: Listing = { entries };
  const wanted: Listing = selection ? { entries: entries.filter((e) => wants(e.path)) } : listing;
  // diff-files stats every file in scope; it runs while cat-file streams the blobs.
  const [found, streamed] = await Promise.all([
    view,
    streamIndexed(dir, wanted, openCache?.(), scan.blobs),
  ]);
  if (!found) return undefined;
  const scanned = withConflicts(listing, {
    removed: found.removed,
    fromDisk: new Set([...found.changed, ...found.untracked]),
  });
  const dirty: Dirty = { removed: scanned.removed, fromDisk: keepOnly(scanned.fromDisk, wants) };
  const tree = assemble(wanted, dirty, streamed, readDisk(dir, dirty, scan));
  return selection ? { ...tree, unread: unreadOf(listing, scanned, wants) } : tree;
}

/** Config and template are always read; records when the selection wants them. */
function wantedBy({ select }: TreeSelection): (path: string) => boolean {
  return (path) => path === CONFIG_FILE || path === TEMPLATE_PATH || select(path);
}

function keepOnly(paths: Set<string>, wants: (path: string) => boolean): Set<string> {
  return new Set([...paths].filter(wants));
}

/** What a full read would have found but the selection left: in the index or untracked, not removed. */
function unreadOf(listing: Listing, dirty: Dirty, wants: (path: string) => boolean): string[] {
  const unread = new Set<string>();
  for (const { path } of listing.entries)
    if (!wants(path) && !dirty.removed.has(path)) unread.add(path);
  for (const path of dirty.fromDisk) if (!wants(path) && !dirty.removed.has(path)) unread.add(path);
  return [...unread].sort();
}

/** A merge conflict is read from disk: what is there is what the user sees. */
function withConflicts(listing: Listing, dirty: Dirty): Dirty {
  for (const { path, mode, stage } of listing.entries) {
    if (dirty.removed.has(path) || dirty.fromDisk.has(path)) continue;
    if (stage !== '0' && mode !== '160000' && mode !== '120000') dirty.fromDisk.add(path);
  }
  return dirty;
}

/** The files to read from disk, each once per command (what a key named is what is read). */
function readDisk(dir: GitDir, dirty: Dirty, scan: IndexScan): Map<string, DiskFile> {
  const disk = new Map<string, DiskFile>();
  for (const path of [...dirty.fromDisk].sort()) disk.set(path, diskFile(dir, scan, path));
  return disk;
}

interface Streamed {
  wanted: IndexEntry[];
  read: (SourceFile | Refusal | undefined)[];
  fromCache: { path: string; parsed: ParsedSource }[];
}

/**
 * Every clean blob of the index, parsed as it arrives; those the parse cache has are not read,
 * nor those an earlier round of the command streamed (`memo`, by path and blob id).
 */
async function streamIndexed(
  dir: GitDir,
  listing: Listing,
  cache: ParseCache | undefined,
  memo: BlobMemo,
): Promise<Streamed> {
  const known = streamedBefore(memo);
  const wanted: IndexEntry[] = [];
  const read: (SourceFile | Refusal | undefined)[] = [];
  const fromCache: Streamed['fromCache'] = [];
  const missing: number[] = [];
  for (const entry of listing.entries) {
    if (entry.mode === '120000' || entry.mode === '160000' || entry.stage !== '0') continue;
    const before = known?.get(blobKey(entry));
    const parsed = before ? undefined : cache?.cached(entry.id, entry.kind, entry.path);
    if (parsed) fromCache.push({ path: entry.path, parsed });
    else {
      if (!before) missing.push(wanted.length);
      wanted.push(entry);
      read.push(before);
    }
  }
  const toStream = missing.map((index) => wanted[index]).filter((e) => e !== undefined);
  // What a checkout left off disk may be missing from a partial clone: fetched in one go.
  fetchMissingBlobs(
    dir,
    toStream.filter((entry) => entry.offDisk).map((entry) => entry.id),
  );
  const keep = (at: number, file: SourceFile | Refusal) => {
    const index = missing[at];
    const entry = toStream[at];
    if (index === undefined || !entry) return;
    read[index] = file;
  };
  await streamBlobs(
    dir,
    toStream.map((entry) => entry.id),
    (at, bytes) => {
      const entry = toStream[at];
      if (!entry) return;
      const text = () => bytes.toString('utf8');
      keep(
        at,
        checkBytes(bytes) ??
          withParse(
            { path: entry.path, text: entry.kind ? '' : text() },
            entry.id,
            cache,
            entry.kind,
            text,
          ),
      );
    },
    // An oversized blob is refused as it streams by, never held whole.
    { maxBytes: MAX_FILE_BYTES, onTooLarge: (at) => keep(at, 'too-large') },
  );
  rememberBlobs(memo, wanted, read);
  return { wanted, read, fromCache };
}

function assemble(
  listing: Listing,
  dirty: Dirty,
  streamed: Streamed,
  disk: Map<string, DiskFile>,
): RawTree {
  const { removed, fromDisk } = dirty;
  const tree: RawTree = { files: [], problems: [], configText: undefined, templateText: undefined };
  const keep = (file: SourceFile) => {
    if (file.path === CONFIG_FILE) tree.configText = file.text;
    else if (file.path === TEMPLATE_PATH) tree.templateText = file.text;
    else tree.files.push(file);
  };
  const gone = (path: string) => removed.has(path) || fromDisk.has(path);
  for (const { path, mode } of listing.entries)
    if (!gone(path) && mode === '120000') tree.problems.push(refusal(path, 'symlink'));
  streamed.wanted.forEach(({ path }, index) => {
    if (gone(path)) return;
    const file = streamed.read[index];
    if (typeof file === 'string') tree.problems.push(refusal(path, file));
    else if (file) keep(file);
  });
  for (const { path, parsed } of streamed.fromCache)
    if (!gone(path)) keep({ path, text: '', parsed });
  for (const [path, file] of disk) {
    tree.problems.push(...file.problems);
    if (file.text !== undefined) keep({ path, text: file.text });
  }
  tree.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return tree;
}

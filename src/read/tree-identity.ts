/**
 * What a repository is made of, named without reading it, for the result cache: at a ref its
 * tree id, in the working tree what git's two scans find. Nothing here loads a parser, a schema
 * or the rules: a cached answer is found and printed without them (start-up.test.ts checks).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { gitAt, resolveCommit, runGit, type GitDir } from '../git/git-process.js';
import { requireRootPrefix } from '../git/locate.js';
import {
  listDirt,
  nameDirt,
  nameView,
  newIndexScan,
  pathspecsOf,
  scanSpecs,
  type IndexScan,
} from './index-scan.js';
import type { ReadOptions, ReadRepository } from './repository.js';

/**
 * The whole working tree named before it is read: first by the index file's checksum and the
 * files that differ from it (no listing of the index decoded), then, if that name is new, by the
 * index's blob ids (a refreshed index, same files: the same name). `scan` holds what naming it
 * learnt, for the read that follows.
 */
export interface WorkingTreeSurvey {
  /** The quick name; undefined when the index file carries no checksum (index.skipHash). */
  quickName: string | undefined;
  /** The name by blob ids: lists the index. */
  name: () => Promise<string | undefined>;
  /** Whether the index file is still the one the quick name names: else it keys nothing. */
  indexUnchanged: () => boolean;
  scan: IndexScan;
}

/**
 * `placesOf` gives where the index file is and the root's prefix inside the repository (which
 * tells roots of one repository apart); it is asked once the listings run (a git process of
 * its own, overlapping them).
 */
export async function surveyWorkingTree(
  dir: GitDir,
  placesOf: () => { indexFile: string; prefix: string } | undefined,
): Promise<WorkingTreeSurvey | undefined> {
  const specs = pathspecsOf();
  const listing = listDirt(dir, specs);
  // placesOf runs git too and may throw first: the listing's failure is then not awaited.
  listing.catch(() => undefined);
  const places = placesOf();
  const dirt = await listing;
  if (!dirt || !places) return undefined;
  const scan = newIndexScan([], dirt);
  // Read after the listings: a checksum read before them could name an index they never saw.
  const checksum = indexChecksum(places.indexFile);
  const quickName =
    checksum && nameDirt(dir, scan, dirt, `index\0${checksum}\0at\0${places.prefix}`);
  return {
    quickName,
    name: async () => {
      const view = await scanSpecs(dir, scan, specs).view;
      return view && nameView(dir, scan, view);
    },
    indexUnchanged: stillNamed(places.indexFile, checksum),
    scan,
  };
}

/**
 * Whether the index file still has `checksum`. Made apart from the survey: a closure keeps
 * every variable of the scope it is made in alive, the scan's 115,000 entries and blobs too,
 * and this one is asked after the report is built.
 */
function stillNamed(indexFile: string, checksum: string | undefined): () => boolean {
  return () => checksum !== undefined && indexChecksum(indexFile) === checksum;
}

/**
 * The index file's trailing checksum (SHA-1 or SHA-256 of all before it) with its size: equal,
 * the same entries, stat data and extensions. Undefined when it has none: absent, or zeros
 * (`index.skipHash` writes no checksum).
 */
export function indexChecksum(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const { size } = fstatSync(fd);
    const tail = Buffer.alloc(32);
    if (size < 12 + tail.length) return undefined;
    if (readSync(fd, tail, 0, tail.length, size - tail.length) !== tail.length) return undefined;
    if (tail.subarray(tail.length - 20).every((byte) => byte === 0)) return undefined;
    return `${size}\0${tail.toString('hex')}`;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * What a repository is made of, named without reading it: the tree id at a ref; at the working
 * tree, a digest of the index file's checksum and of the changed and untracked files' text,
 * then (`fullId`) of the index's blob ids instead. Equal ids, equal repositories. Undefined
 * where there is nothing to name it by (outside git).
 */
export interface TreeIdentity {
  /** The cheap name; undefined when there is none (an index without a checksum). */
  id: string | undefined;
  /** A name found at more cost, for when `id` misses: equal for a refreshed index. */
  fullId?: () => Promise<string | undefined>;
  /** Whether an answer read now may be kept under `id` (its index is still the one named). */
  idHolds: () => boolean;
  /** The commit read, at a ref; undefined for the working tree. */
  commit: string | undefined;
  /** Reads the repository so named, continuing from what naming it already read. */
  read(): Promise<ReadRepository>;
}

/** `placesOf`: where the working tree's index is and the root's prefix, asked while git lists. */
export async function identifyTree(
  options: ReadOptions,
  placesOf: () => { indexFile: string; prefix: string } | undefined,
): Promise<TreeIdentity | undefined> {
  const dir = gitAt(options.root, options.env);
  if (options.ref !== undefined) {
    const commit = resolveCommit(dir, options.ref);
    const prefix = requireRootPrefix(dir, 'leave out --ref to read the files as they are');
    const tree = runGit(dir, ['rev-parse', '--verify', '--quiet', `${commit}:${prefix}`]);
    if (tree.status !== 0) return undefined;
    const id = `tree ${tree.stdout.toString('utf8').trim()}`;
    return {
      id,
      idHolds: () => true,
      commit,
      read: async () => (await import('./repository.js')).readRepository(options),
    };
  }
  const found = await surveyWorkingTree(dir, placesOf);
  if (!found) return undefined;
  // The survey's scan starts the read, then nothing may hold it: the command keeps its
  // identity until the answer is stored, and the scan is the index's entries and every blob
  // streamed (about 30 MB at 10,000 ideas).
  let survey: WorkingTreeSurvey | undefined = found;
  return {
    id: found.quickName && `work tree ${found.quickName}`,
    fullId: async () => {
      if (!survey) throw new Error('the working tree is named before it is read');
      const name = await survey.name();
      return name && `work tree ${name}`;
    },
    idHolds: found.indexUnchanged,
    commit: undefined,
    // The reader (parsers, schemas, rules) loads only now: a cached answer never needs it.
    read: async () => {
      const scan = survey?.scan;
      survey = undefined;
      return (await import('./repository.js')).readRepository({ ...options, scan });
    },
  };
}

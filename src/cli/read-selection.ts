/** Reading only what a selection names (validate/reach.ts), at a ref or from the working tree. */
import { newIndexScan } from '../read/index-scan.js';
import { readRepository, type ReadOptions, type ReadRepository } from '../read/repository.js';
import type { ReadSubset } from '../validate/affected.js';
import { selectionPathspecs, selects, within, type Selection } from '../validate/reach.js';

/** The options that make readRepository read a selection; all of it when undefined. */
export function selectionOptions(
  selection: Selection | undefined,
): Pick<ReadOptions, 'select' | 'scope'> {
  if (!selection) return {};
  return { select: (path) => selects(selection, path), scope: selectionPathspecs(selection) };
}

/** A reader of subsets of one repository state, remembering the last read (its tree too). */
export function subsetReader(
  options: Pick<ReadOptions, 'root' | 'ref' | 'env' | 'fallbackConfig' | 'cache' | 'scan'>,
): {
  read: ReadSubset;
  /** The same read, with the tree it was built from. */
  readTree: (selection: Selection | undefined) => Promise<ReadRepository>;
  last: () => ReadRepository | undefined;
} {
  let last: ReadRepository | undefined;
  // IDEAS_FULL_READ=1 reads everything: the reference the partial reads are tested against.
  const full = options.env.IDEAS_FULL_READ === '1';
  // The rounds read one working tree: git lists each folder once (read/index-scan.ts).
  const scan = options.scan ?? (options.ref === undefined ? newIndexScan() : undefined);
  // A selection within one read already is answered by that read: it holds every file asked
  // for, and reading a file more never changes a finding (IDEAS_FULL_READ reads them all).
  // `check` asks the base for the same files before and after reading the branch; a writer's
  // focused read asks for what it read with the config. One reader never spans a write.
  const done: { selection: Selection; read: Promise<ReadRepository> }[] = [];
  const readTree = async (selection: Selection | undefined): Promise<ReadRepository> => {
    const only = full ? undefined : selection;
    let reading = only && done.find((d) => within(only, d.selection))?.read;
    if (!reading) {
      reading = readRepository({ ...options, scan, ...selectionOptions(only) });
      if (only) done.push({ selection: only, read: reading });
    }
    last = await reading;
    return last;
  };
  const read = async (selection: Selection | undefined) => (await readTree(selection)).repo;
  return { read, readTree, last: () => last };
}

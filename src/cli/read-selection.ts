/** Reading only what a selection names (validate/reach.ts), at a ref or from the working tree. */
import type { Repository } from '../model/repository.js';
import { readRepository, type ReadOptions, type ReadRepository } from '../read/repository.js';
import type { ReadSubset } from '../validate/affected.js';
import { selectionPathspecs, selects, type Selection } from '../validate/reach.js';

/** The options that make readRepository read a selection; all of it when undefined. */
export function selectionOptions(
  selection: Selection | undefined,
): Pick<ReadOptions, 'select' | 'scope'> {
  if (!selection) return {};
  return { select: (path) => selects(selection, path), scope: selectionPathspecs(selection) };
}

/** A reader of subsets of one repository state, remembering the last read (its tree too). */
export function subsetReader(
  options: Pick<ReadOptions, 'root' | 'ref' | 'env' | 'fallbackConfig' | 'cache'>,
): { read: ReadSubset; last: () => ReadRepository | undefined } {
  let last: ReadRepository | undefined;
  // IDEAS_FULL_READ=1 reads everything: the reference the partial reads are tested against.
  const full = options.env.IDEAS_FULL_READ === '1';
  const read = async (selection: Selection | undefined): Promise<Repository> => {
    const only = full ? undefined : selection;
    last = await readRepository({ ...options, ...selectionOptions(only) });
    return last.repo;
  };
  return { read, last: () => last };
}

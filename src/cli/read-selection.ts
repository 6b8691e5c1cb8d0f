/** Reading only what a selection names (validate/reach.ts), at a ref or from the working tree. */
import type { Repository } from '../model/repository.js';
import { readRepository, type ReadOptions, type ReadRepository } from '../read/repository.js';
import type { ReadSubset } from '../validate/affected.js';
import { selectionPathspecs, selects, type Selection } from '../validate/reach.js';

/** The options that make readRepository read a selection; all of it when undefined. */
export function selectionOptions(
  selection: Selection | undefined,
  ref: string | undefined,
): Pick<ReadOptions, 'select' | 'scope'> {
  if (!selection) return {};
  return {
    select: (path) => selects(selection, path),
    // At a ref git lists the whole tree at once; the working tree is scanned where asked.
    ...(ref === undefined ? { scope: selectionPathspecs(selection) } : {}),
  };
}

/** A reader of subsets of one repository state, remembering the last read (its tree too). */
export function subsetReader(
  options: Pick<ReadOptions, 'root' | 'ref' | 'env' | 'fallbackConfig'>,
): { read: ReadSubset; last: () => ReadRepository | undefined } {
  let last: ReadRepository | undefined;
  const read = async (selection: Selection | undefined): Promise<Repository> => {
    last = await readRepository({ ...options, ...selectionOptions(selection, options.ref) });
    return last.repo;
  };
  return { read, last: () => last };
}

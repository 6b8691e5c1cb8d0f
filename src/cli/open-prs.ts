/** What the other unmerged remote branches add: idea ids (from file names) and, for given voters, their votes. */
import { isAncestor, mergeBase, readChanges, remoteBranches } from '../git/diff.js';
import { placeFile } from '../model/layout.js';
import { handleKey } from '../model/people.js';
import type { GitDir } from '../git/git-process.js';
import type { BranchIdea, BranchVote } from '../policy/policy.js';
import { readRepository } from '../read/repository.js';
import type { Context } from './context.js';

export interface OpenPrs {
  ideas: BranchIdea[];
  votes: BranchVote[];
}

export async function readOpenPrs(options: {
  root: string;
  dir: GitDir;
  env: Context['env'];
  /** False with `--no-cache`. */
  cache: boolean | undefined;
  baseRef: string;
  baseCommit: string;
  headCommit: string;
  /** Voters whose votes on other branches count (as handleKey gives them); nobody else's blobs are read. */
  voters: ReadonlySet<string>;
  toRoot: (path: string) => string | undefined;
}): Promise<OpenPrs> {
  const { root, dir, baseCommit, headCommit, toRoot } = options;
  const found: OpenPrs = { ideas: [], votes: [] };
  for (const branch of remoteBranches(dir)) {
    if (branch.name === options.baseRef || branch.commit === headCommit) continue;
    // Merged branches are in the base already; branches under this one share its files.
    if (isAncestor(dir, branch.commit, baseCommit) || isAncestor(dir, branch.commit, headCommit))
      continue;
    const from = mergeBase(dir, baseCommit, branch.commit);
    const votePaths = new Set<string>();
    for (const change of readChanges(dir, from, branch.commit)) {
      if (change.status === 'deleted') continue;
      const path = toRoot(change.path);
      const placed = path === undefined ? undefined : placeFile(path);
      if (path === undefined || placed === undefined) continue;
      if (placed.kind === 'idea' && placed.id && change.status !== 'modified')
        found.ideas.push({ branch: branch.name, path, id: placed.id });
      if (placed.kind === 'vote' && options.voters.has(handleKey(placed.voter ?? '')))
        votePaths.add(path);
    }
    if (votePaths.size === 0) continue;
    const { repo } = await readRepository({
      root,
      ref: branch.commit,
      env: options.env,
      cache: options.cache,
      select: (path) => votePaths.has(path),
    });
    for (const vote of repo.votes) found.votes.push({ branch: branch.name, vote });
  }
  return found;
}

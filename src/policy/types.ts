/** The values the policy works on: changes, who acted, the input of a check, what it finds. */
import type { Repository } from '../model/repository.js';
import type { Problem, Vote } from '../model/types.js';
import type { ChangeStatus } from '../git/diff.js';
import type { ChangeKind } from './paths.js';

/** A changed file, paths relative to the ideas root. */
export interface PathChange {
  status: ChangeStatus;
  path: string;
  kind: ChangeKind;
  /** Before a rename. */
  from?: string;
  fromKind?: ChangeKind;
  /** The git mode of the new side: 120000 is a symbolic link, 160000 a submodule. */
  newMode: string;
}

/** Who made a change: a handle, or someone `ideas` cannot name (an unmapped commit email). */
export interface Acting {
  handle: string | undefined;
  /** How to name them in a message: the handle, or the email that matched nobody. */
  label: string;
}

/** An idea file seen on another branch. */
export interface BranchIdea {
  branch: string;
  path: string;
  id: string;
}

/** A vote another open branch adds or changes. */
export interface BranchVote {
  branch: string;
  vote: Vote;
}

export interface PolicyInput {
  changes: readonly PathChange[];
  /** The base tip's records that the changes touch, their ideas and those ideas' decisions, and the config. */
  base: Repository;
  /** Every idea id on the base tip, by file name, and its path. */
  baseIdeaPaths: ReadonlyMap<string, string>;
  head: Repository;
  /** Everyone who acted on a path; a change must be allowed for each of them. */
  actorsOf(path: string): readonly Acting[];
  /** Everyone who consents to a path's content: its actors and the authors of its commits. */
  consentOf(path: string): readonly Acting[];
  /** Every path of the head tree, relative to the root, to find case-only twins. */
  headPaths: readonly string[];
  /** The day of the check, YYYY-MM-DD: a campaign closed before it takes nothing new. */
  today: string;
  /** With --open-prs: what the other unmerged branches add. */
  openPrs?: { ideas: readonly BranchIdea[]; votes: readonly BranchVote[] };
}

/** A Problem that also says who may make the change instead. */
export interface Violation extends Problem {
  allowed: string;
}

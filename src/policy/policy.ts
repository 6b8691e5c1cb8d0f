/**
 * The pull-request policy as a pure function: the changes of a branch (since the merge base),
 * the repository at the tip of the base branch and at the head, and who acted on each path, in;
 * violations out. Authority (reviewers, quorum, lifecycle, an idea's authors, closed ideas and
 * campaigns) is always read from the base's tip, so a branch cannot grant itself the right to
 * make its own changes, bring back an old reviewer list by starting from an old commit, or slip
 * a record into a closed idea by back-dating it. Each rule lives in rules/, listed in registry.ts.
 */
import { locateField } from '../parse/front-matter.js';
import type { Repository } from '../model/repository.js';
import type { Problem, Vote } from '../model/types.js';
import type { ChangeStatus } from '../git/diff.js';
import type { ChangeKind } from './paths.js';
import { policyRules } from './registry.js';
import { PolicyScope } from './scope.js';

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

export function checkPolicy(input: PolicyInput): Violation[] {
  const scope = new PolicyScope(input);
  const violations: Violation[] = [];
  for (const rule of policyRules) {
    for (const finding of rule.check(scope)) {
      const repo = input.head.files.has(finding.file) ? input.head : input.base;
      const file = repo.files.get(finding.file);
      const at =
        file && finding.field
          ? locateField(file.frontMatter, finding.field)
          : { line: 1, column: 1 };
      violations.push({
        rule: rule.id,
        severity: rule.severity,
        file: finding.file,
        ...at,
        message: `${finding.message}; ${finding.allowed}`,
        allowed: finding.allowed,
      });
    }
  }
  return violations;
}

/**
 * Validation problems a policy rule reports more strictly on the same file are dropped, so
 * `check` never prints one problem twice (decision/transition beside policy/transition).
 */
export function withoutSuperseded(
  validation: readonly Problem[],
  violations: readonly Violation[],
): Problem[] {
  const covered = new Set<string>();
  for (const v of violations)
    for (const rule of policyRules.find((r) => r.id === v.rule)?.supersedes ?? [])
      covered.add(`${rule}\0${v.file}`);
  return validation.filter((p) => !covered.has(`${p.rule}\0${p.file}`));
}

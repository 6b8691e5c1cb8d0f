/**
 * The pull-request policy as a pure function: the changes of a branch (since the merge base),
 * the repository at the tip of the base branch and at the head, and who acted on each path, in;
 * violations out. Authority (reviewers, quorum, lifecycle, an idea's authors, closed ideas and
 * campaigns) is always read from the base's tip, so a branch cannot grant itself the right to
 * make its own changes, bring back an old reviewer list by starting from an old commit, or slip
 * a record into a closed idea by back-dating it. Each rule lives in rules/, listed in registry.ts.
 */
import { locateField } from '../parse/front-matter.js';
import type { Problem } from '../model/types.js';
import type { PolicyInput, Violation } from './types.js';
import { policyRules } from './registry.js';
import { PolicyScope } from './scope.js';

export type {
  Acting,
  BranchIdea,
  BranchVote,
  PathChange,
  PolicyInput,
  Violation,
} from './types.js';

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

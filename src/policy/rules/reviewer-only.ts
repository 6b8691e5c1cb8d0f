import type { PolicyFinding, PolicyRule } from '../rule.js';

const WHAT: Record<string, string> = {
  config: 'a configuration, CI or CODEOWNERS file',
  template: 'a template',
  other: 'a file outside the ideas layout',
};

export const reviewerOnly: PolicyRule = {
  id: 'policy/reviewer-only',
  severity: 'error',
  reads: { base: {}, head: {} },
  description:
    'Config, templates, CODEOWNERS, CI and npm files (also above a subfolder root) and files outside the layout: reviewers only.',
  check(scope) {
    const findings: PolicyFinding[] = [];
    for (const change of scope.judged) {
      const what = WHAT[change.kind];
      if (what === undefined) continue;
      const who = scope.refused(change.actedOn, (a) => scope.isReviewer(a));
      if (!who) continue;
      const verb =
        change.status === 'deleted' ? 'deleted' : change.status === 'added' ? 'added' : 'changed';
      findings.push({
        file: change.path,
        message: `${who} ${verb} ${what}`,
        allowed: `only a reviewer (${scope.reviewerList()}) may change it`,
      });
    }
    return findings;
  },
};

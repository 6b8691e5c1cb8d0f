import type { Rule } from '../../rule.js';

export const decisionRationale: Rule = {
  id: 'decision/rationale',
  severity: 'error',
  reads: { decision: [] },
  description:
    "Decisions to reject, defer or mark as duplicate say why, in the body, for the idea's authors.",
  check(repo) {
    const required = repo.config.lifecycle.rationale_required;
    return repo.decisions
      .filter((d) => required.includes(d.status) && d.rationale === '')
      .map((d) => ({
        file: d.path,
        line: repo.files.get(d.path)?.frontMatter.bodyLine ?? 1,
        column: 1,
        message: `a ${d.status} decision needs a rationale: write below the front matter why, for the idea's authors`,
      }));
  },
};

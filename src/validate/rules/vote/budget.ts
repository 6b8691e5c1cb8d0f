import type { Finding, Rule } from '../../rule.js';
import { budgetUse } from '../../../model/voting.js';

export const voteBudget: Rule = {
  id: 'vote/budget',
  severity: 'error',
  // In simple voting there is no budget to read.
  reads: (config) => ({ vote: config.voting.mode === 'simple' ? [] : ['voter'] }),
  description:
    "In budget and quadratic voting, a voter's points on open ideas stay within the budget (reported on the votes of the day it was crossed).",
  check(repo) {
    const { mode, budget } = repo.config.voting;
    if (mode === 'simple') return [];
    const findings: Finding[] = [];
    for (const use of budgetUse(repo).values()) {
      if (use.spent <= budget) continue;
      // Blame the votes that crossed the line: those of the latest day. Votes of one day have
      // no order between them, and `check` shows only what a pull request touched: blaming one
      // of them by path would let a new vote hide behind an old one of the same day.
      const lastDay = use.votes.at(-1)?.date;
      for (const vote of use.votes.filter((v) => v.date === lastDay))
        findings.push({
          file: vote.path,
          field: ['points'],
          message: `${vote.voter} spends ${use.spent} points on open ideas, over the budget of ${budget}${mode === 'quadratic' ? ' (a vote of n points costs n²)' : ''}: lower the points, or retract a vote`,
        });
    }
    return findings;
  },
};

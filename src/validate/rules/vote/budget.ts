import type { Finding, Rule } from '../../rule.js';
import { budgetUse } from '../../../model/voting.js';

export const voteBudget: Rule = {
  id: 'vote/budget',
  severity: 'error',
  // In simple voting there is no budget to read.
  reads: (config) => ({ vote: config.voting.mode === 'simple' ? [] : ['voter'] }),
  description:
    "In budget and quadratic voting, a voter's points on open ideas stay within the budget.",
  check(repo) {
    const { mode, budget } = repo.config.voting;
    if (mode === 'simple') return [];
    const findings: Finding[] = [];
    for (const [voter, use] of budgetUse(repo)) {
      if (use.spent <= budget) continue;
      // Blame the vote that crossed the line: the latest one.
      const last = use.votes.at(-1);
      if (!last) continue;
      findings.push({
        file: last.path,
        field: ['points'],
        message: `${voter} spends ${use.spent} points on open ideas, over the budget of ${budget}${mode === 'quadratic' ? ' (a vote of n points costs n²)' : ''}: lower the points, or retract a vote`,
      });
    }
    return findings;
  },
};

import { groupBy } from '../../model/repository.js';
import { budgetUse } from '../../model/voting.js';
import type { PolicyFinding, PolicyRule } from '../rule.js';
import { handleKey, sameHandle } from '../../model/people.js';

export const openPrBudget: PolicyRule = {
  id: 'policy/open-pr-budget',
  severity: 'warning',
  reads: (config) => ({
    base: {},
    // The other branches' votes are read by check itself (open-prs.ts), with their ideas.
    head: { vote: config.voting.mode === 'simple' ? [] : ['voter'] },
  }),
  description:
    "With --open-prs: a voter's votes here and on other open branches, merged together, stay within the budget.",
  check(scope) {
    const { head, openPrs } = scope.input;
    const { mode, budget } = head.config.voting;
    if (!openPrs || mode === 'simple' || openPrs.votes.length === 0) return [];
    const mine = scope.of('vote').flatMap((c) => {
      const vote = c.status === 'deleted' ? undefined : scope.headVotes.get(c.path);
      return vote ? [vote] : [];
    });
    const alone = budgetUse(head);
    // The same file on two branches conflicts in git: only other files add up.
    const paths = new Set(head.votes.map((v) => v.path));
    const others = openPrs.votes.filter((o) => !paths.has(o.vote.path));
    const votes = [...head.votes, ...others.map((o) => o.vote)];
    const together = budgetUse({ ...head, votes, votesByIdea: groupBy(votes, (v) => v.idea) });
    const findings: PolicyFinding[] = [];
    const warned = new Set<string>();
    for (const vote of mine) {
      const voter = handleKey(vote.voter);
      const spent = together.get(voter)?.spent ?? 0;
      if (warned.has(voter) || spent <= budget || (alone.get(voter)?.spent ?? 0) > budget) continue;
      warned.add(voter);
      const branches = [
        ...new Set(others.filter((o) => sameHandle(o.vote.voter, vote.voter)).map((o) => o.branch)),
      ];
      findings.push({
        file: vote.path,
        message: `${vote.voter} would spend ${spent} of a budget of ${budget} points once this branch and ${branches.join(', ')} are merged`,
        allowed: `${vote.voter} may lower the points here or there; whichever merges second fails validation`,
        field: ['points'],
      });
    }
    return findings;
  },
};

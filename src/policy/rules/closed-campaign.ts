import type { PolicyFinding, PolicyRule } from '../rule.js';

export const closedCampaign: PolicyRule = {
  id: 'policy/closed-campaign',
  severity: 'error',
  reads: { base: { vote: ['idea'] }, head: { idea: [], vote: ['idea'] } },
  description:
    'No idea or vote is added to a campaign that has closed by the day of the check, whatever date it claims.',
  supersedes: ['campaign/closed'],
  check(scope) {
    const findings: PolicyFinding[] = [];
    const { campaigns } = scope.input.base.config;
    const today = scope.input.today;
    const closedOn = (name: string | undefined) => {
      const closes = name === undefined ? undefined : campaigns[name]?.closes;
      return closes !== undefined && closes < today ? closes : undefined;
    };
    for (const change of scope.judged) {
      if (change.status !== 'added') continue;
      if (change.kind === 'idea') {
        const idea = scope.headIdeas.get(change.path);
        const closes = closedOn(idea?.campaign);
        if (idea && closes)
          findings.push({
            file: change.path,
            message: `campaign "${idea.campaign}" closed on ${closes}: it takes no new ideas, even one created ${idea.created}`,
            allowed:
              'remove the campaign from the idea, or ask a reviewer to extend closes in the config',
            field: ['campaign'],
          });
      } else if (change.kind === 'vote') {
        const vote = scope.headVotes.get(change.path);
        const idea = vote && scope.ideaById(vote.idea);
        const closes = closedOn(idea?.campaign);
        if (vote && idea && closes)
          findings.push({
            file: change.path,
            message: `the campaign "${idea.campaign}" of "${vote.idea}" closed on ${closes}: it takes no new votes, even one dated ${vote.date}`,
            allowed: 'nobody may vote in it now, unless a reviewer extends closes in the config',
            field: ['date'],
          });
      }
    }
    return findings;
  },
};

import type { Finding, Rule } from '../../rule.js';

export const campaignClosed: Rule = {
  id: 'campaign/closed',
  severity: 'error',
  reads: { idea: [], vote: ['idea'] },
  description: 'No idea or vote for a campaign is dated after the campaign closed.',
  check(repo) {
    const findings: Finding[] = [];
    const closes = (name: string | undefined) =>
      name === undefined ? undefined : repo.config.campaigns[name]?.closes;
    for (const idea of repo.ideas) {
      const end = closes(idea.campaign);
      if (end && idea.created > end) {
        findings.push({
          file: idea.path,
          field: ['campaign'],
          message: `campaign "${idea.campaign}" closed on ${end}: remove the campaign, or bring the idea outside it`,
        });
      }
    }
    for (const vote of repo.votes) {
      const idea = repo.ideasById.get(vote.idea);
      const end = closes(idea?.campaign);
      if (end && vote.date > end) {
        findings.push({
          file: vote.path,
          field: ['date'],
          message: `the campaign "${idea?.campaign}" of "${vote.idea}" closed on ${end}: it takes no new votes`,
        });
      }
    }
    return findings;
  },
};

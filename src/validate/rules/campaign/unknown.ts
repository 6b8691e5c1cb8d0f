import type { Rule } from '../../rule.js';

export const campaignUnknown: Rule = {
  id: 'campaign/unknown',
  severity: 'error',
  reads: { idea: [] },
  description: "An idea's campaign is one of the campaigns in the config.",
  check(repo) {
    const campaigns = Object.keys(repo.config.campaigns);
    return repo.ideas
      .filter((idea) => idea.campaign !== undefined && !campaigns.includes(idea.campaign))
      .map((idea) => ({
        file: idea.path,
        field: ['campaign'],
        message: `unknown campaign "${idea.campaign}": ${campaigns.length > 0 ? `use one of ${campaigns.join(', ')}` : 'no campaigns are configured'}, or remove it`,
      }));
  },
};

import type { Rule } from '../../rule.js';

export const voteDate: Rule = {
  id: 'vote/date',
  severity: 'error',
  reads: { vote: ['idea'] },
  description: 'A vote is not dated in the future or before its idea was created.',
  check(repo, { today }) {
    const findings = [];
    for (const vote of repo.votes) {
      const created = repo.ideasById.get(vote.idea)?.created;
      if (vote.date > today)
        findings.push({
          file: vote.path,
          field: ['date'],
          message: `date ${vote.date} is in the future (today is ${today})`,
        });
      else if (created && vote.date < created)
        findings.push({
          file: vote.path,
          field: ['date'],
          message: `date ${vote.date} is before the idea was created (${created})`,
        });
    }
    return findings;
  },
};

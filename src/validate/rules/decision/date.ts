import type { Finding, Rule } from '../../rule.js';

export const decisionDate: Rule = {
  id: 'decision/date',
  severity: 'error',
  reads: { decision: ['idea'] },
  description: 'A decision is not dated in the future or before its idea was created.',
  check(repo, { today }) {
    const findings: Finding[] = [];
    for (const d of repo.decisions) {
      const created = repo.ideasById.get(d.idea)?.created;
      if (d.date > today)
        findings.push({
          file: d.path,
          field: ['date'],
          message: `date ${d.date} is in the future (today is ${today})`,
        });
      else if (created && d.date < created)
        findings.push({
          file: d.path,
          field: ['date'],
          message: `date ${d.date} is before the idea was created (${created})`,
        });
    }
    return findings;
  },
};

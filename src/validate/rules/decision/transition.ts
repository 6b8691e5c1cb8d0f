import { isKnownStatus, isLegalTransition, legalNext } from '../../../model/lifecycle.js';
import type { Finding, Rule } from '../../rule.js';

export const decisionTransition: Rule = {
  id: 'decision/transition',
  severity: 'error',
  reads: { decision: ['decisions'] },
  description:
    'Each decision moves its idea along a legal transition of the lifecycle from the status before it.',
  check(repo) {
    const findings: Finding[] = [];
    const lifecycle = repo.config.lifecycle;
    for (const decisions of repo.decisionsByIdea.values()) {
      let from = lifecycle.initial;
      for (const d of decisions) {
        if (!isKnownStatus(lifecycle, d.status)) continue;
        if (!isLegalTransition(lifecycle, from, d.status)) {
          const next = legalNext(lifecycle, from);
          findings.push({
            file: d.path,
            field: ['status'],
            message: `an idea cannot go from ${from} to ${d.status}: ${next.length > 0 ? `from ${from} it can go to ${next.join(', ')}` : `${from} is final`}`,
          });
        }
        from = d.status;
      }
    }
    return findings;
  },
};

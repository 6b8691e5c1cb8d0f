import { compareDecisions } from '../../model/repository.js';
import { isKnownStatus, isLegalTransition, legalNext } from '../../model/lifecycle.js';
import type { Decision } from '../../model/types.js';
import type { PolicyFinding, PolicyRule } from '../rule.js';
import type { PolicyScope } from '../scope.js';

/** The readable decisions this branch adds, with the path whose authors acted. */
export function addedDecisions(scope: PolicyScope): { decision: Decision; actedOn: string }[] {
  return scope.of('decision').flatMap((change) => {
    const decision = change.status === 'added' ? scope.headDecisions.get(change.path) : undefined;
    // An unreadable decision: validation reports why.
    return decision ? [{ decision, actedOn: change.actedOn }] : [];
  });
}

export const transition: PolicyRule = {
  id: 'policy/transition',
  severity: 'error',
  reads: { base: { decision: ['decisions'] }, head: { decision: [] } },
  description:
    'New decisions follow the lifecycle from the status on the base, after its latest decision.',
  supersedes: ['decision/transition'],
  check(scope) {
    const findings: PolicyFinding[] = [];
    const lifecycle = scope.input.base.config.lifecycle;
    const byIdea = new Map<string, Decision[]>();
    for (const { decision } of addedDecisions(scope))
      byIdea.set(decision.idea, [...(byIdea.get(decision.idea) ?? []), decision]);
    // Walks each idea's new decisions on from its status on the base, with the base's lifecycle.
    for (const [idea, list] of byIdea) {
      list.sort(compareDecisions);
      const last = scope.input.base.decisionsByIdea.get(idea)?.at(-1);
      let from = last?.status ?? lifecycle.initial;
      for (const d of list) {
        if (last && compareDecisions(d, last) < 0)
          findings.push({
            file: d.path,
            message: `the decision is dated ${d.date}, before the latest merged decision ${last.path}: it would rewrite the history`,
            allowed: `date it ${last.date} or later (ideas review writes today's date)`,
            field: ['date'],
          });
        if (isKnownStatus(lifecycle, d.status) && !isLegalTransition(lifecycle, from, d.status)) {
          const next = legalNext(lifecycle, from);
          findings.push({
            file: d.path,
            message: `"${idea}" is ${from} on the base and cannot move to ${d.status}`,
            allowed:
              next.length > 0
                ? `from ${from} a reviewer may move it to ${next.join(', ')}`
                : `${from} is final: nobody may move it on`,
            field: ['status'],
          });
        }
        from = d.status;
      }
    }
    return findings;
  },
};

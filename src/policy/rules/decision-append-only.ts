import type { PolicyRule } from '../rule.js';

export const decisionAppendOnly: PolicyRule = {
  id: 'policy/decision-append-only',
  severity: 'error',
  reads: { base: {}, head: {} },
  description: 'A merged decision is never modified, renamed or deleted.',
  check(scope) {
    return scope
      .of('decision')
      .filter((c) => c.status !== 'added')
      .map((change) => ({
        file: change.path,
        message: `a merged decision was ${change.status === 'deleted' ? 'deleted' : 'modified'}: decisions are the audit trail and never change`,
        allowed:
          'nobody may rewrite it: to change the status, add a new decision with ideas review',
      }));
  },
};

import type { PolicyFinding, PolicyRule } from '../rule.js';
import { sameHandle } from '../../model/people.js';

export const authorConsent: PolicyRule = {
  id: 'policy/author-consent',
  severity: 'error',
  reads: { base: { idea: [] }, head: { idea: [] } },
  description:
    'Someone is added as an author of an idea only with their consent: their own commit to the file in the branch, or a reviewer acting.',
  check(scope) {
    const findings: PolicyFinding[] = [];
    for (const change of scope.of('idea')) {
      if (change.status === 'deleted') continue;
      const idea = scope.headIdeas.get(change.path);
      if (!idea) continue;
      const before =
        change.status === 'added' ? [] : (scope.baseIdeas.get(change.basePath)?.authors ?? []);
      const added = idea.authors.filter((a) => !before.some((b) => sameHandle(a, b)));
      if (added.length === 0) continue;
      // A reviewer acting vouches for the list; anyone else needs each new author to have acted.
      const actors = scope.input.actorsOf(change.actedOn);
      if (actors.length > 0 && actors.every((a) => scope.isReviewer(a))) continue;
      const consenting = scope.input.consentOf(change.actedOn);
      const missing = added.filter(
        (handle) => !consenting.some((a) => sameHandle(a.handle, handle)),
      );
      if (missing.length === 0) continue;
      findings.push({
        file: change.path,
        message: `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} added as author${missing.length === 1 ? '' : 's'} without a commit of their own to this file in the branch`,
        allowed: `${missing.join(', ')} may add themselves (a commit of theirs on the branch), or a reviewer (${scope.reviewerList()}) may add them`,
        field: ['authors'],
      });
    }
    return findings;
  },
};

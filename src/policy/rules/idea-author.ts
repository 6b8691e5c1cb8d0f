import type { PolicyFinding, PolicyRule } from '../rule.js';
import { sameHandle } from '../../model/people.js';

export const ideaAuthor: PolicyRule = {
  id: 'policy/idea-author',
  severity: 'error',
  reads: { base: { idea: [] }, head: { idea: [] } },
  description:
    'An idea is added or edited by one of its authors or a reviewer; deleted by a reviewer.',
  check(scope) {
    const findings: PolicyFinding[] = [];
    const reviewers = scope.reviewerList();
    for (const change of scope.of('idea')) {
      const { path } = change;
      if (change.status === 'added') {
        const idea = scope.headIdeas.get(path);
        if (!idea) continue; // Unreadable: validation reports it.
        const who = scope.refused(
          change.actedOn,
          (a) => scope.isReviewer(a) || idea.authors.some((x) => sameHandle(x, a.handle)),
        );
        if (who)
          findings.push({
            file: path,
            message: `${who} added an idea in the name of ${idea.authors.join(', ')}`,
            allowed: `only its authors (${idea.authors.join(', ')}) or a reviewer (${reviewers}) may add it: list yourself in authors`,
            field: ['authors'],
          });
        continue;
      }
      // An edit is judged against the base's authors, so a branch cannot add itself as an author first.
      const authors = scope.baseIdeas.get(change.basePath)?.authors ?? [];
      if (change.status === 'deleted') {
        const who = scope.refused(change.actedOn, (a) => scope.isReviewer(a));
        if (who)
          findings.push({
            file: path,
            message: `${who} deleted an idea`,
            allowed: `only a reviewer (${reviewers}) may delete it; ${authors.length > 0 ? authors.join(', ') : 'an author'} may withdraw it with ideas review --status withdrawn`,
          });
        continue;
      }
      const who = scope.refused(
        change.actedOn,
        (a) => scope.isReviewer(a) || authors.some((x) => sameHandle(x, a.handle)),
      );
      if (who)
        findings.push({
          file: path,
          message: `${who} edited an idea of ${authors.join(', ') || 'someone else'}`,
          allowed: `only its authors (${authors.join(', ') || 'as merged'}) or a reviewer (${reviewers}) may edit it: comment with a vote instead`,
        });
    }
    return findings;
  },
};

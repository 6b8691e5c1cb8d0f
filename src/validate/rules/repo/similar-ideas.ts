import { isClosed, statusOf } from '../../../model/lifecycle.js';
import { SimilarityIndex } from '../../../model/similarity.js';
import type { Rule } from '../../rule.js';

/** Two ideas this alike are most likely one idea written twice. */
const DUPLICATE_THRESHOLD = 0.75;

export const repoSimilarIdeas: Rule = {
  id: 'repo/similar-ideas',
  severity: 'warning',
  reads: { idea: ['all-ideas'] },
  description:
    'Open ideas whose title and body read nearly alike are warned as likely duplicates (closed ones take no votes, so are never suggested).',
  check(repo) {
    const open = repo.ideas.filter(
      (idea) => !isClosed(repo.config.lifecycle, statusOf(repo, idea.id)),
    );
    const index = new SimilarityIndex(open);
    return index.similarPairs(DUPLICATE_THRESHOLD).map(({ a, b, score }) => {
      // The newer idea is the likely second copy, and the one a pull request adds: the warning
      // goes there (by created date; the later path on the same day), never by random id.
      const [first, second] = arrival(repo.ideasById, a, b);
      return {
        file: repo.ideasById.get(second)?.path ?? '',
        field: ['title'],
        message: `reads like idea "${first}" (${Math.round(score * 100)}% alike): if it is the same, vote for ${first} instead, or a reviewer closes one as duplicate`,
      };
    });
  },
};

/** Two ids in the order their ideas arrived; `a` comes first in the index (its path sorts first). */
function arrival(
  ideas: ReadonlyMap<string, { created: string }>,
  a: string,
  b: string,
): [string, string] {
  const created = (id: string) => ideas.get(id)?.created ?? '';
  return created(a) > created(b) ? [b, a] : [a, b];
}

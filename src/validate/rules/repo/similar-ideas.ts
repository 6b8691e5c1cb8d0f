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
    return index.similarPairs(DUPLICATE_THRESHOLD).flatMap(({ a, b, score }) =>
      // The newer idea is the likely second copy, and the one a pull request adds: the warning
      // goes there (by created date), never by random id. Two ideas of the same day cannot be
      // told apart, so each is warned of the other: a pull request adding either one sees it.
      arrivals(repo.ideasById, a, b).map(([first, second]) => ({
        file: repo.ideasById.get(second)?.path ?? '',
        field: ['title'],
        message: `reads like idea "${first}" (${Math.round(score * 100)}% alike): if it is the same, vote for ${first} instead, or a reviewer closes one as duplicate`,
      })),
    );
  },
};

/** The (earlier, later) pairs to warn: the newer idea of the two, or both ways on the same day. */
function arrivals(
  ideas: ReadonlyMap<string, { created: string }>,
  a: string,
  b: string,
): [string, string][] {
  const created = (id: string) => ideas.get(id)?.created ?? '';
  if (created(a) === created(b))
    return [
      [a, b],
      [b, a],
    ];
  return created(a) > created(b) ? [[b, a]] : [[a, b]];
}

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
    return index.similarPairs(DUPLICATE_THRESHOLD).map(({ a, b, score }) => ({
      file: repo.ideasById.get(b)?.path ?? '',
      field: ['title'],
      message: `reads like idea "${a}" (${Math.round(score * 100)}% alike): if it is the same, vote for ${a} instead, or a reviewer closes one as duplicate`,
    }));
  },
};

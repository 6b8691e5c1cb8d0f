import { SimilarityIndex } from '../../../model/similarity.js';
import type { Rule } from '../../rule.js';

/** Two ideas this alike are most likely one idea written twice. */
const DUPLICATE_THRESHOLD = 0.75;

export const repoSimilarIdeas: Rule = {
  id: 'repo/similar-ideas',
  severity: 'warning',
  description: 'Ideas whose title and body read nearly alike are warned as likely duplicates.',
  check(repo) {
    const index = new SimilarityIndex(repo.ideas);
    return index.similarPairs(DUPLICATE_THRESHOLD).map(({ a, b, score }) => ({
      file: repo.ideasById.get(b)?.path ?? '',
      field: ['title'],
      message: `reads like idea "${a}" (${Math.round(score * 100)}% alike): if it is the same, vote for ${a} instead, or a reviewer closes one as duplicate`,
    }));
  },
};

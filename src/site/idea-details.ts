/**
 * What the site needs beyond what the domain already computes, in one pass over the repository.
 * `describeIdea` answers for one idea and scans every idea to do it (the similarity index,
 * `countSupport` and the duplicate chains are built per call): fine for `ideas show`, quadratic
 * for a site of 10,000 pages. `describeIdeas` builds each of those once and gives the same
 * `IdeaDetail` for every idea (a test holds the two equal on the demo).
 */
import { assembleIdeaDetail, type IdeaDetail } from '../model/idea-detail.js';
import { canonicalIdeaId } from '../model/lifecycle.js';
import type { Repository } from '../model/repository.js';
import { SIMILAR_THRESHOLD, SimilarityIndex, type Match } from '../model/similarity.js';
import type { Idea } from '../model/types.js';
import type { Support } from '../model/support.js';

/**
 * Every idea's detail, assembled by the one assembleIdeaDetail that `ideas show` uses, one at a
 * time: a page is written before the next detail is made, so 10,000 are never held together.
 */
export function* describeIdeas(repo: Repository, support: Support): Generator<IdeaDetail> {
  const { byIdea } = support;
  const canonical = new Map<string, string>();
  const duplicatesOf = new Map<string, string[]>();
  for (const idea of repo.ideas) {
    const target = canonicalIdeaId(repo, idea.id);
    canonical.set(idea.id, target);
    if (target !== idea.id) {
      const list = duplicatesOf.get(target);
      if (list) list.push(idea.id);
      else duplicatesOf.set(target, [idea.id]);
    }
  }
  const childrenOf = new Map<string, Idea[]>();
  for (const idea of repo.ideas) {
    if (idea.parent === undefined || repo.ideasById.get(idea.id) !== idea) continue;
    const list = childrenOf.get(idea.parent);
    if (list) list.push(idea);
    else childrenOf.set(idea.parent, [idea]);
  }
  const alike = similarIdeas(repo);

  for (const idea of repo.ideasById.values()) {
    const similar = (alike.get(idea.id) ?? [])
      .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1))
      .slice(0, 5)
      .flatMap((match) => {
        const other = repo.ideasById.get(match.id);
        return other ? [{ idea: other, score: match.score }] : [];
      });
    yield assembleIdeaDetail(repo, idea, {
      duplicates: duplicatesOf.get(idea.id) ?? [],
      counted: byIdea.get(idea.id) ?? [],
      canonical: canonical.get(idea.id) ?? idea.id,
      children: childrenOf.get(idea.id) ?? [],
      similar,
    });
  }
}

/**
 * Every idea's similar ideas from one sweep of the index (what validate's similar-ideas rule
 * uses) rather than one query per idea: at 10,000 ideas the queries took most of the build.
 * A function of its own so the index is freed once the pairs are found, not kept alive by the
 * generator above while every page is written.
 */
function similarIdeas(repo: Repository): Map<string, Match[]> {
  const index = new SimilarityIndex(
    [...repo.ideasById.values()].map(({ id, title, body }) => ({ id, title, body })),
  );
  const alike = new Map<string, Match[]>();
  const note = (from: string, match: Match) => {
    const list = alike.get(from);
    if (list) list.push(match);
    else alike.set(from, [match]);
  };
  for (const { a, b, score } of index.similarPairs(SIMILAR_THRESHOLD)) {
    note(a, { id: b, score });
    note(b, { id: a, score });
  }
  return alike;
}

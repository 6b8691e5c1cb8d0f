/** Everything `ideas show` says about one idea, gathered without I/O. */
import { canonicalIdeaId, statusOf } from './lifecycle.js';
import type { Repository } from './repository.js';
import { SimilarityIndex } from './similarity.js';
import { ideaTeam } from './teams.js';
import type { Decision, Idea, Vote } from './types.js';

export interface IdeaDetail {
  idea: Idea;
  status: string;
  /** The idea's team, or its first author's (model/teams.ts). */
  team: string | undefined;
  /** Set when the idea was closed as a duplicate: the idea its votes count for. */
  countsFor?: string;
  decisions: Decision[];
  /** Votes written on this idea and on its duplicates, oldest first. */
  votes: Vote[];
  /** Counted support: distinct voters and points, duplicates and budgets applied. */
  support: { votes: number; points: number };
  /** Customers named in the votes, most often named first. */
  customers: { name: string; votes: number }[];
  theme?: Idea;
  children: { idea: Idea; status: string }[];
  duplicates: string[];
  similar: { idea: Idea; score: number }[];
}

/** Each idea's counted votes (model/support.ts `countSupport`), passed in so it is counted once per command. */
export interface CountedSupport {
  byIdea: ReadonlyMap<string, readonly { points: number }[]>;
}

export function describeIdea(
  repo: Repository,
  id: string,
  support: CountedSupport,
): IdeaDetail | undefined {
  const idea = repo.ideasById.get(id);
  if (!idea) return undefined;
  const index = new SimilarityIndex(
    [...repo.ideasById.values()].map(({ id: docId, title, body }) => ({ id: docId, title, body })),
  );
  const similar = index
    .similarTo({ id, title: idea.title, body: idea.body }, { limit: 5 })
    .flatMap((match) => {
      const other = repo.ideasById.get(match.id);
      return other ? [{ idea: other, score: match.score }] : [];
    });
  return assembleIdeaDetail(repo, idea, {
    duplicates: repo.ideas
      .filter((other) => other.id !== id && canonicalIdeaId(repo, other.id) === id)
      .map((other) => other.id),
    counted: support.byIdea.get(id) ?? [],
    canonical: canonicalIdeaId(repo, id),
    children: repo.ideas.filter(
      (other) => other.parent === id && repo.ideasById.get(other.id) === other,
    ),
    similar,
  });
}

/** What a caller looked up for one idea, in one query or in one sweep over all of them. */
export interface IdeaDetailParts {
  /** Ideas whose votes count for this one (their successor chain ends here). */
  duplicates: readonly string[];
  counted: readonly { points: number }[];
  /** Where this idea's own votes count: itself, or its successor. */
  canonical: string;
  children: readonly Idea[];
  similar: { idea: Idea; score: number }[];
}

/** The one way an idea's detail is put together: `show`, and the site's pages of every idea. */
export function assembleIdeaDetail(
  repo: Repository,
  idea: Idea,
  parts: IdeaDetailParts,
): IdeaDetail {
  const id = idea.id;
  const duplicates = [...parts.duplicates].sort();
  const votes = [id, ...duplicates]
    .flatMap((from) => repo.votesByIdea.get(from) ?? [])
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.path < b.path ? -1 : 1));
  const customers = new Map<string, number>();
  for (const vote of votes)
    for (const name of new Set(vote.customers)) customers.set(name, (customers.get(name) ?? 0) + 1);
  const theme = idea.parent === undefined ? undefined : repo.ideasById.get(idea.parent);
  return {
    idea,
    status: statusOf(repo, id),
    team: ideaTeam(repo.config, idea),
    ...(parts.canonical !== id ? { countsFor: parts.canonical } : {}),
    decisions: repo.decisionsByIdea.get(id) ?? [],
    votes,
    support: {
      votes: parts.counted.length,
      points: parts.counted.reduce((sum, v) => sum + v.points, 0),
    },
    customers: [...customers]
      .map(([name, count]) => ({ name, votes: count }))
      .sort((a, b) => b.votes - a.votes || (a.name < b.name ? -1 : 1)),
    ...(theme ? { theme } : {}),
    children: parts.children
      .map((child) => ({ idea: child, status: statusOf(repo, child.id) }))
      .sort((a, b) => (a.idea.id < b.idea.id ? -1 : 1)),
    duplicates,
    similar: parts.similar,
  };
}

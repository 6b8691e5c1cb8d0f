/** The whole repository as one value: what every command reads (built by read/, without I/O). */
import type { Config } from '../schema/config.js';
import type { RecordFile, Template } from './types.js';
import type { Decision, Idea, Problem, RecordLists, Vote } from './types.js';

export interface Repository {
  config: Config;
  template: Template;
  ideas: Idea[];
  /** First idea of each id; a second one with the same id is a validation problem. */
  ideasById: Map<string, Idea>;
  votes: Vote[];
  votesByIdea: Map<string, Vote[]>;
  decisions: Decision[];
  /** Each idea's decisions, oldest first. */
  decisionsByIdea: Map<string, Decision[]>;
  files: Map<string, RecordFile>;
  /**
   * Every id an idea file is named with, its fields valid or not: a rule about a vote or a
   * decision sees the idea that is there, instead of cascading "no idea" from one bad field.
   */
  ideaIds: ReadonlySet<string>;
  /** Problems found while reading and parsing. */
  problems: Problem[];
  /** Records with broken fields: validation checks what it still can in them (see withPartialRecords). */
  partial?: RecordLists;
}

/**
 * The repository as the validation rules see it: the records with broken fields added, so that
 * an idea with a bad date still has its unknown team and missing sections reported, and its
 * votes do not read as votes for an idea that does not exist.
 */
export function withPartialRecords(repo: Repository): Repository {
  const partial = repo.partial;
  if (!partial || partial.ideas.length + partial.votes.length + partial.decisions.length === 0)
    return repo;
  const ideas = [...repo.ideas, ...partial.ideas];
  const votes = [...repo.votes, ...partial.votes];
  const decisions = [...repo.decisions, ...partial.decisions];
  const ideasById = new Map(repo.ideasById);
  for (const idea of partial.ideas) if (!ideasById.has(idea.id)) ideasById.set(idea.id, idea);
  const decisionsByIdea = groupBy(decisions, (decision) => decision.idea);
  for (const list of decisionsByIdea.values()) list.sort(compareDecisions);
  return {
    ...repo,
    ideas,
    ideasById,
    votes,
    votesByIdea: groupBy(votes, (vote) => vote.idea),
    decisions,
    decisionsByIdea,
  };
}

/** Decisions in the order they were taken: by date, then the file name's day sequence. */
export function compareDecisions(a: Decision, b: Decision): number {
  return a.date < b.date
    ? -1
    : a.date > b.date
      ? 1
      : a.sequence - b.sequence || (a.path < b.path ? -1 : 1);
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Whether an idea file with this id exists, even one whose front matter has a bad field. */
export function hasIdea(repo: Pick<Repository, 'ideaIds'>, id: string): boolean {
  return repo.ideaIds.has(id);
}

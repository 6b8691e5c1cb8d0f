/** The whole repository as one value: what every command reads, built without any I/O. */
import type { Config } from '../schema/config.js';
import { parseRecords, type RecordFile } from '../parse/records.js';
import { parseTemplate, type Template } from '../parse/template.js';
import type { Decision, Idea, Problem, SourceFile, Vote } from './types.js';

/** What a reader hands the core: the same shape from the working tree or a git ref. */
export interface Snapshot {
  files: SourceFile[];
  /** What the reader refused to read: links, oversized or binary files. */
  problems: Problem[];
  configText: string | undefined;
  templateText: string;
}

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
  /** Problems found while reading and parsing. */
  problems: Problem[];
}

export function buildRepository(snapshot: Snapshot, config: Config): Repository {
  const parsed = parseRecords(snapshot.files);
  const ideasById = new Map<string, Idea>();
  for (const idea of parsed.ideas) if (!ideasById.has(idea.id)) ideasById.set(idea.id, idea);
  const votesByIdea = groupBy(parsed.votes, (vote) => vote.idea);
  const decisionsByIdea = groupBy(parsed.decisions, (decision) => decision.idea);
  for (const list of decisionsByIdea.values()) list.sort(compareDecisions);
  return {
    config,
    template: parseTemplate(snapshot.templateText),
    ideas: parsed.ideas,
    ideasById,
    votes: parsed.votes,
    votesByIdea,
    decisions: parsed.decisions,
    decisionsByIdea,
    files: parsed.files,
    problems: [...snapshot.problems, ...parsed.problems],
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

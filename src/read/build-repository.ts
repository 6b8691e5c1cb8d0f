/**
 * Parsed files in, the whole repository as one value out, without any I/O. Called from
 * read/repository.ts alone: commands get complete repositories from readRepository.
 */
import type { Config } from '../schema/config.js';
import { compareDecisions, groupBy, type Repository } from '../model/repository.js';
import type { Idea, Problem, SourceFile } from '../model/types.js';
import { placeFile } from '../model/layout.js';
import { parseRecords } from '../parse/records.js';
import { parseTemplate } from '../parse/template.js';

/** What a reader hands the builder: the same shape from the working tree or a git ref. */
export interface Snapshot {
  files: SourceFile[];
  /** What the reader refused to read (links, oversized or binary files), and config warnings. */
  problems: Problem[];
  configText: string | undefined;
  templateText: string;
  /** Paths in the tree that were not read (a selection): idea files among them still name ids. */
  unread?: readonly string[];
}

export function buildRepository(snapshot: Snapshot, config: Config): Repository {
  const parsed = parseRecords(snapshot.files);
  const ideasById = new Map<string, Idea>();
  for (const idea of parsed.ideas) if (!ideasById.has(idea.id)) ideasById.set(idea.id, idea);
  const votesByIdea = groupBy(parsed.votes, (vote) => vote.idea);
  const decisionsByIdea = groupBy(parsed.decisions, (decision) => decision.idea);
  for (const list of decisionsByIdea.values()) list.sort(compareDecisions);
  // Ideas whose front matter failed still have an id in their file name: rules see it there.
  const ideaIds = new Set(ideasById.keys());
  for (const file of parsed.files.values())
    if (file.placement.kind === 'idea' && file.placement.id) ideaIds.add(file.placement.id);
  for (const path of snapshot.unread ?? []) {
    if (!path.startsWith('ideas/')) continue;
    const placed = placeFile(path);
    if (placed.kind === 'idea' && placed.id) ideaIds.add(placed.id);
  }
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
    ideaIds,
    problems: [...snapshot.problems, ...parsed.problems],
    partial: parsed.partial,
  };
}

/**
 * What a rule reads beyond the record it reports on, and the two questions that answers: which
 * files must be read to judge some records (forward), and which records a change can make right
 * or wrong (reverse). `check`, `validate --changed-since` and the writers read only that much.
 *
 * Files a change does not touch are known by name alone until read: an idea file carries its
 * id, a vote its idea and voter, a decision its idea (model/layout.ts placeFile). A file whose
 * content disagrees with its name fails idea/file-name, vote/file-name or decision/file-name
 * where it stands.
 */
import { placeFile } from '../model/layout.js';
import { handleKey } from '../model/people.js';
import type { Repository } from '../model/repository.js';
import type { RecordKind } from '../model/types.js';

/**
 * - `idea`: the idea a vote or decision names.
 * - `same-id`: the other ideas with an idea's id.
 * - `idea-ids`: the set of idea ids (from file names), to say whether an id exists.
 * - `decisions`: every decision of the record's idea (its status, its history).
 * - `co-votes`: the other votes on a vote's idea by its voter (names compared without case).
 * - `voter`: every vote of the vote's voter, with those ideas and their decisions (budgets).
 * - `parents`: an idea's chain of parents.
 * - `all-ideas`: every idea and its status (similarity).
 */
export type Reach =
  'idea' | 'same-id' | 'idea-ids' | 'decisions' | 'co-votes' | 'voter' | 'parents' | 'all-ideas';

/** A rule's reads, by the kind of record it reports on; a kind absent is never reported on. */
export type Reads = Partial<Record<RecordKind, readonly Reach[]>>;

/** Files to read, by name: what reaches ask for, as data a reader can test a path against. */
export interface Selection {
  paths: Set<string>;
  /** Idea files named with these ids. */
  ideas: Set<string>;
  /** Files under votes/<id>/ and decisions/<id>/. */
  votesOn: Set<string>;
  decisionsOn: Set<string>;
  /** Files votes/<any>/<voter>.md, by handleKey (bob and Bob spend one budget). */
  votesBy: Set<string>;
  /** Every idea and every decision. */
  everyIdea: boolean;
}

/** The records reach.ts looks at: a whole repository, a part of one, or none yet. */
export type Records = Pick<Repository, 'ideas' | 'votes' | 'decisions' | 'partial' | 'ideasById'>;

export function emptySelection(): Selection {
  return {
    paths: new Set(),
    ideas: new Set(),
    votesOn: new Set(),
    decisionsOn: new Set(),
    votesBy: new Set(),
    everyIdea: false,
  };
}

/**
 * Whether a path is selected, by its folder and name. It runs on every path of a tree, so it
 * reads the name by hand instead of through placeFile; where a name is malformed it may select
 * a file placeFile would not name, and reading one file more never changes a finding.
 */
export function selects(selection: Selection, path: string): boolean {
  if (selection.paths.has(path)) return true;
  const slash = path.indexOf('/');
  const folder = path.slice(0, slash);
  if (folder === 'ideas') {
    if (selection.everyIdea) return true;
    const dash = path.indexOf('-', slash);
    return dash > 0 && selection.ideas.has(path.slice(slash + 1, dash));
  }
  const next = path.indexOf('/', slash + 1);
  if (next < 0) return false;
  const id = path.slice(slash + 1, next);
  if (folder === 'decisions') return selection.everyIdea || selection.decisionsOn.has(id);
  if (folder !== 'votes') return false;
  if (selection.votesOn.has(id)) return true;
  if (selection.votesBy.size === 0 || !path.endsWith('.md')) return false;
  return selection.votesBy.has(handleKey(path.slice(path.lastIndexOf('/') + 1, -3)));
}

/** Literal git pathspecs (root-relative) holding every path the selection accepts, for the working tree. */
export function selectionPathspecs(selection: Selection): string[] {
  // Every idea file is listed anyway: its name is the id set (`idea-ids`).
  const specs = ['ideas/'];
  if (selection.everyIdea) specs.push('decisions/');
  // A voter's votes sit in every idea's folder.
  if (selection.votesBy.size > 0) specs.push('votes/');
  for (const path of selection.paths) specs.push(path);
  if (selection.votesBy.size === 0) for (const id of selection.votesOn) specs.push(`votes/${id}/`);
  if (!selection.everyIdea) for (const id of selection.decisionsOn) specs.push(`decisions/${id}/`);
  return specs;
}

/** Whether `inner` asks for nothing `outer` does not read. */
export function within(inner: Selection, outer: Selection): boolean {
  const subset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));
  if (inner.everyIdea && !outer.everyIdea) return false;
  return (
    [...inner.paths].every((p) => selects(outer, p)) &&
    (outer.everyIdea ||
      (subset(inner.ideas, outer.ideas) && subset(inner.decisionsOn, outer.decisionsOn))) &&
    subset(inner.votesOn, outer.votesOn) &&
    subset(inner.votesBy, outer.votesBy)
  );
}

export function mergeSelections(a: Selection, b: Selection): Selection {
  return {
    paths: new Set([...a.paths, ...b.paths]),
    ideas: new Set([...a.ideas, ...b.ideas]),
    votesOn: new Set([...a.votesOn, ...b.votesOn]),
    decisionsOn: new Set([...a.decisionsOn, ...b.decisionsOn]),
    votesBy: new Set([...a.votesBy, ...b.votesBy]),
    everyIdea: a.everyIdea || b.everyIdea,
  };
}

/** What one file is about: its kind, the ideas it belongs to, its voter, by name and by content. */
export interface RecordRefs {
  kind: RecordKind;
  /** Ids by name and by field (a vote's idea, a decision's idea, an idea's own id). */
  ids: string[];
  voters: string[];
  /** An idea's parent; a decision's duplicate_of. */
  links: string[];
}

/** The refs of every record file in `repo` (partial records included), and of names alone for the rest. */
export function recordRefs(repo: Records, paths: Iterable<string>): Map<string, RecordRefs> {
  const fields = new Map<string, { ids: string[]; voters: string[]; links: string[] }>();
  const note = (path: string, ids: string[], voters: string[], links: string[]) => {
    const held = fields.get(path);
    if (held) {
      held.ids.push(...ids);
      held.voters.push(...voters);
      held.links.push(...links);
    } else fields.set(path, { ids, voters, links });
  };
  for (const lists of [repo, repo.partial ?? { ideas: [], votes: [], decisions: [] }]) {
    for (const idea of lists.ideas)
      note(idea.path, [idea.id], [], idea.parent ? [idea.parent] : []);
    for (const vote of lists.votes) note(vote.path, [vote.idea], [vote.voter], []);
    for (const d of lists.decisions)
      note(d.path, [d.idea], [], d.duplicate_of ? [d.duplicate_of] : []);
  }
  const refs = new Map<string, RecordRefs>();
  for (const path of paths) {
    const placed = placeFile(path);
    if (placed.kind !== 'idea' && placed.kind !== 'vote' && placed.kind !== 'decision') continue;
    const found = fields.get(path);
    const ids = new Set([...(placed.id ? [placed.id] : []), ...(found?.ids ?? [])]);
    const voters = new Set([...(placed.voter ? [placed.voter] : []), ...(found?.voters ?? [])]);
    refs.set(path, {
      kind: placed.kind,
      ids: [...ids],
      voters: [...voters],
      links: found?.links ?? [],
    });
  }
  return refs;
}

/**
 * Forward: what must be read to judge the records at `paths` by rules with these reads, given
 * what `repo` holds so far (a vote's voter's other votes are known once they are read).
 */
export function readsFor(
  repo: Records,
  paths: Iterable<string>,
  declared: readonly Reads[],
): Selection {
  const selection = emptySelection();
  const reaches = reachesByKind(declared);
  const list = [...paths];
  for (const path of list) selection.paths.add(path);
  for (const [path, refs] of recordRefs(repo, list)) {
    void path;
    for (const reach of reaches[refs.kind]) {
      if (reach === 'idea' || reach === 'same-id')
        for (const id of refs.ids) selection.ideas.add(id);
      else if (reach === 'decisions') for (const id of refs.ids) selection.decisionsOn.add(id);
      else if (reach === 'co-votes') for (const id of refs.ids) selection.votesOn.add(id);
      else if (reach === 'voter')
        for (const voter of refs.voters) selection.votesBy.add(handleKey(voter));
      else if (reach === 'parents') addParents(repo, refs.links, selection);
      else if (reach === 'all-ideas') selection.everyIdea = true;
    }
  }
  // A voter's budget reads whether each of their ideas is open: those ideas and their decisions.
  if (selection.votesBy.size > 0)
    for (const vote of allVotes(repo))
      if (selection.votesBy.has(handleKey(vote.voter))) {
        selection.ideas.add(vote.idea);
        selection.decisionsOn.add(vote.idea);
      }
  return selection;
}

/** The parent chain as far as `repo` knows it; the next round reads one step further. */
function addParents(repo: Records, start: readonly string[], selection: Selection): void {
  const seen = new Set<string>();
  let frontier = [...start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      if (seen.has(id)) continue;
      seen.add(id);
      selection.ideas.add(id);
      const parent = repo.ideasById.get(id)?.parent ?? partialIdea(repo, id)?.parent;
      if (parent !== undefined) next.push(parent);
    }
    frontier = next;
  }
}

function partialIdea(repo: Records, id: string) {
  return repo.partial?.ideas.find((idea) => idea.id === id);
}

function allVotes(repo: Records) {
  return [...repo.votes, ...(repo.partial?.votes ?? [])];
}

function reachesByKind(declared: readonly Reads[]): Record<RecordKind, Set<Reach>> {
  const out: Record<RecordKind, Set<Reach>> = {
    idea: new Set(),
    vote: new Set(),
    decision: new Set(),
  };
  for (const reads of declared)
    for (const kind of ['idea', 'vote', 'decision'] as const)
      for (const reach of reads[kind] ?? []) out[kind].add(reach);
  return out;
}

/**
 * Reverse: the records whose findings under these reads a change to the files at `changed` can
 * alter, with what must be read to find them. `found` lists those already in `repo`.
 */
export function reachedBy(
  repo: Records,
  changed: readonly string[],
  declared: readonly Reads[],
): { selection: Selection; found: Set<string> } {
  const selection = emptySelection();
  const found = new Set<string>(changed);
  for (const path of changed) selection.paths.add(path);
  const reaches = reachesByKind(declared);
  const refs = recordRefs(repo, changed);
  // Ids whose records of each kind are affected, and voters whose votes are.
  const ideasOf = new Set<string>();
  const votesOf = new Set<string>();
  const decisionsOf = new Set<string>();
  const votersOf = new Set<string>();
  const coVotes = new Set<string>();
  const coVote = (id: string, voter: string) => `${id}\0${handleKey(voter)}`;
  const voterIdeas = new Set<string>();
  const descendantsOf = new Set<string>();
  const successorsOf = new Set<string>();
  const has = (kind: RecordKind, reach: Reach) => reaches[kind].has(reach);
  for (const { kind, ids, voters } of refs.values()) {
    if (kind === 'idea') {
      if (has('vote', 'idea') || has('vote', 'idea-ids')) ids.forEach((id) => votesOf.add(id));
      if (has('decision', 'idea') || has('decision', 'idea-ids'))
        ids.forEach((id) => decisionsOf.add(id));
      if (has('decision', 'idea-ids')) ids.forEach((id) => successorsOf.add(id));
      if (has('idea', 'same-id') || has('idea', 'all-ideas')) ids.forEach((id) => ideasOf.add(id));
      if (has('idea', 'parents') || has('idea', 'idea-ids'))
        ids.forEach((id) => descendantsOf.add(id));
      if (has('vote', 'voter')) ids.forEach((id) => voterIdeas.add(id));
    } else if (kind === 'decision') {
      if (has('vote', 'decisions')) ids.forEach((id) => votesOf.add(id));
      if (has('decision', 'decisions')) ids.forEach((id) => decisionsOf.add(id));
      if (has('idea', 'decisions') || has('idea', 'all-ideas'))
        ids.forEach((id) => ideasOf.add(id));
      if (has('vote', 'voter')) ids.forEach((id) => voterIdeas.add(id));
    } else {
      if (has('vote', 'co-votes'))
        for (const id of ids) {
          selection.votesOn.add(id);
          for (const voter of voters) coVotes.add(coVote(id, voter));
        }
      if (has('vote', 'voter')) voters.forEach((voter) => votersOf.add(handleKey(voter)));
    }
  }
  for (const id of ideasOf) selection.ideas.add(id);
  for (const id of [...votesOf, ...voterIdeas]) selection.votesOn.add(id);
  for (const id of decisionsOf) selection.decisionsOn.add(id);
  if (descendantsOf.size > 0 || successorsOf.size > 0) selection.everyIdea = true;
  // The voters of an idea whose standing changed: their budgets change with it.
  for (const vote of allVotes(repo))
    if (voterIdeas.has(vote.idea)) votersOf.add(handleKey(vote.voter));
  for (const voter of votersOf) selection.votesBy.add(voter);

  const ideas = [...repo.ideas, ...(repo.partial?.ideas ?? [])];
  const decisions = [...repo.decisions, ...(repo.partial?.decisions ?? [])];
  for (const idea of ideas) if (ideasOf.has(idea.id)) found.add(idea.path);
  for (const vote of allVotes(repo))
    if (
      votesOf.has(vote.idea) ||
      votersOf.has(handleKey(vote.voter)) ||
      coVotes.has(coVote(vote.idea, vote.voter))
    )
      found.add(vote.path);
  for (const d of decisions)
    if (
      decisionsOf.has(d.idea) ||
      (d.duplicate_of !== undefined && successorsOf.has(d.duplicate_of))
    )
      found.add(d.path);
  if (descendantsOf.size > 0) for (const path of descendants(ideas, descendantsOf)) found.add(path);
  return { selection, found };
}

/** Ideas whose chain of parents passes through one of `roots`. */
function descendants(
  ideas: readonly { id: string; parent?: string; path: string }[],
  roots: ReadonlySet<string>,
): string[] {
  const parentOf = new Map<string, string>();
  for (const idea of ideas)
    if (idea.parent !== undefined && !parentOf.has(idea.id)) parentOf.set(idea.id, idea.parent);
  const out: string[] = [];
  for (const idea of ideas) {
    const seen = new Set<string>();
    for (let at = idea.parent; at !== undefined && !seen.has(at); at = parentOf.get(at)) {
      seen.add(at);
      if (roots.has(at)) {
        out.push(idea.path);
        break;
      }
    }
  }
  return out;
}

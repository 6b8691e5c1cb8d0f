/**
 * What every policy rule reads: the branch's changes as judged (a rename split into a deletion
 * and an addition, except an idea keeping its id), the base tip's authority and who acted.
 */
import { placeFile } from '../model/layout.js';
import { sameHandle } from '../model/people.js';
import type { Decision, Idea, Vote } from '../model/types.js';
import type { Acting, PathChange, PolicyInput } from './types.js';

/** One change as the rules judge it. */
export interface JudgedChange extends PathChange {
  /** The path whose commit authors acted: the new path of a rename. */
  actedOn: string;
  /** The path on the base: the old path of an idea renamed with its id. */
  basePath: string;
}

export class PolicyScope {
  readonly reviewers: string[];
  readonly baseVotes: Map<string, Vote>;
  readonly headVotes: Map<string, Vote>;
  readonly headDecisions: Map<string, Decision>;
  readonly baseIdeas: Map<string, Idea>;
  readonly headIdeas: Map<string, Idea>;
  readonly judged: JudgedChange[] = [];

  constructor(readonly input: PolicyInput) {
    const byPath = <T extends { path: string }>(items: readonly T[]) =>
      new Map(items.map((item) => [item.path, item]));
    this.reviewers = input.base.config.reviewers;
    this.baseVotes = byPath(input.base.votes);
    this.headVotes = byPath(input.head.votes);
    this.headDecisions = byPath(input.head.decisions);
    this.baseIdeas = byPath(input.base.ideas);
    this.headIdeas = byPath(input.head.ideas);
    for (const change of input.changes) {
      const { from } = change;
      if (change.status !== 'renamed' || from === undefined) {
        this.judged.push({ ...change, actedOn: change.path, basePath: change.path });
        continue;
      }
      const oldIdea = this.baseIdeas.get(from);
      const newIdea = this.headIdeas.get(change.path);
      if (change.kind === 'idea' && oldIdea && newIdea && oldIdea.id === newIdea.id) {
        this.judged.push({ ...change, status: 'modified', actedOn: change.path, basePath: from });
        continue;
      }
      const kind = change.fromKind ?? 'other';
      this.judged.push(
        {
          status: 'deleted',
          path: from,
          kind,
          newMode: '000000',
          actedOn: change.path,
          basePath: from,
        },
        { ...change, status: 'added', actedOn: change.path, basePath: change.path },
      );
    }
  }

  /** The judged changes of one kind. */
  of(kind: PathChange['kind']): JudgedChange[] {
    return this.judged.filter((c) => c.kind === kind);
  }

  isReviewer(actor: Acting): boolean {
    return this.reviewers.some((r) => sameHandle(r, actor.handle));
  }

  /** Actors for whom `allowed` is false, named for the message. */
  refused(path: string, allowed: (actor: Acting) => boolean): string | undefined {
    const actors = this.input.actorsOf(path);
    const names =
      actors.length === 0
        ? ['an unknown author']
        : actors.filter((a) => !allowed(a)).map((a) => a.label);
    return names.length > 0 ? names.join(', ') : undefined;
  }

  /** The idea with this id on the base tip, else as the branch has it. */
  ideaById(id: string): Idea | undefined {
    return this.input.base.ideasById.get(id) ?? this.input.head.ideasById.get(id);
  }

  reviewerList(): string {
    return listNames(this.reviewers);
  }
}

export function listNames(names: readonly string[]): string {
  return names.length === 0 ? 'nobody is configured' : names.join(', ');
}

/** The voter a vote's file name gives, `votes/<id>/<voter>.md`. */
export function voterOfPath(path: string): string | undefined {
  const placed = placeFile(path);
  return placed.kind === 'vote' ? placed.voter : undefined;
}

/**
 * The pull-request policy as a pure function: the changes of a branch (since the merge base),
 * the repository at the tip of the base branch and at the head, and who acted on each path, in;
 * violations out. Authority (reviewers, quorum, lifecycle, an idea's authors) is always read from
 * the base's tip, so a branch cannot grant itself the right to make its own changes, nor bring
 * back an old reviewer list by starting from an old commit.
 */
import { locateField } from '../parse/front-matter.js';
import { placeFile } from '../parse/layout.js';
import { compareDecisions, type Repository } from '../model/repository.js';
import { isKnownStatus, isLegalTransition, legalNext } from '../model/lifecycle.js';
import type { Decision, Idea, Problem, Vote } from '../model/types.js';
import type { ChangeStatus } from '../git/diff.js';
import { caseCollisions, unsafePathReason, type ChangeKind } from './paths.js';

/** A changed file, paths relative to the ideas root. */
export interface PathChange {
  status: ChangeStatus;
  path: string;
  kind: ChangeKind;
  /** Before a rename. */
  from?: string;
  fromKind?: ChangeKind;
  /** The git mode of the new side: 120000 is a symbolic link, 160000 a submodule. */
  newMode: string;
}

/** Who made a change: a handle, or someone `ideas` cannot name (an unmapped commit email). */
export interface Acting {
  handle: string | undefined;
  /** How to name them in a message: the handle, or the email that matched nobody. */
  label: string;
}

export interface PolicyInput {
  changes: readonly PathChange[];
  /** The base tip's records that the changes touch, their ideas and those ideas' decisions, and the config. */
  base: Repository;
  /** Every idea id on the base tip, by file name, and its path. */
  baseIdeaPaths: ReadonlyMap<string, string>;
  head: Repository;
  /** Everyone who acted on a path; a change must be allowed for each of them. */
  actorsOf(path: string): readonly Acting[];
  /** Every path of the head tree, relative to the root, to find case-only twins. */
  headPaths: readonly string[];
}

/** A Problem that also says who may make the change instead. */
export interface Violation extends Problem {
  allowed: string;
}

export const POLICY_RULES = {
  'policy/unsafe-path':
    'No path escapes the layout: no "..", absolute paths, symbolic links or case-only twins.',
  'policy/vote-voter':
    'A vote is added, changed or retracted only by its voter (or the reviewer recording it).',
  'policy/decision-reviewer':
    'A decision is added only by a reviewer who signs it; an author may add withdrawn.',
  'policy/decision-quorum':
    'A decision carries the signatures of review.quorum reviewers of the base config.',
  'policy/decision-append-only': 'A merged decision is never modified, renamed or deleted.',
  'policy/transition':
    'New decisions follow the lifecycle from the status on the base, after its latest decision.',
  'policy/idea-author':
    'An idea is added or edited by one of its authors or a reviewer; deleted by a reviewer.',
  'policy/reviewer-only':
    'Config, templates, CODEOWNERS, CI workflows and files outside the layout: reviewers only.',
  'policy/duplicate-id':
    'An id added here is not used by another idea on the base or (with --open-prs) another branch.',
} as const;
export type PolicyRule = keyof typeof POLICY_RULES;

export function checkPolicy(input: PolicyInput): Violation[] {
  return new PolicyCheck(input).run();
}

/** The voter a vote's file name gives, `votes/<id>/<voter>.md`. */
function voterOfPath(path: string): string | undefined {
  const placed = placeFile(path);
  return placed.kind === 'vote' ? placed.voter : undefined;
}

function sameHandle(a: string | undefined, b: string | undefined): boolean {
  // Forge logins (GitHub, GitLab) are case-insensitive.
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

function listNames(names: readonly string[]): string {
  return names.length === 0 ? 'nobody is configured' : names.join(', ');
}

class PolicyCheck {
  private readonly violations: Violation[] = [];
  private readonly reviewers: string[];
  private readonly baseVotes: Map<string, Vote>;
  private readonly headVotes: Map<string, Vote>;
  private readonly headDecisions: Map<string, Decision>;
  private readonly baseIdeas: Map<string, Idea>;
  private readonly headIdeas: Map<string, Idea>;

  constructor(private readonly input: PolicyInput) {
    const byPath = <T extends { path: string }>(items: readonly T[]) =>
      new Map(items.map((item) => [item.path, item]));
    this.reviewers = input.base.config.reviewers;
    this.baseVotes = byPath(input.base.votes);
    this.headVotes = byPath(input.head.votes);
    this.headDecisions = byPath(input.head.decisions);
    this.baseIdeas = byPath(input.base.ideas);
    this.headIdeas = byPath(input.head.ideas);
  }

  run(): Violation[] {
    const { changes } = this.input;
    this.checkPaths();
    const addedDecisions: Decision[] = [];
    for (const change of changes) {
      if (change.status === 'renamed' && change.from !== undefined) {
        // A rename is judged as the deletion of the old file and the addition of the new one,
        // except an idea keeping its id (a new slug), which is an edit.
        const from = change.from;
        const oldIdea = this.baseIdeas.get(from);
        const newIdea = this.headIdeas.get(change.path);
        if (change.kind === 'idea' && oldIdea && newIdea && oldIdea.id === newIdea.id) {
          this.checkIdea({ ...change, status: 'modified' }, from);
          continue;
        }
        this.checkOne(
          { status: 'deleted', path: from, kind: change.fromKind ?? 'other', newMode: '000000' },
          change.path,
          addedDecisions,
        );
        this.checkOne({ ...change, status: 'added' }, change.path, addedDecisions);
      } else this.checkOne(change, change.path, addedDecisions);
    }
    this.checkTransitions(addedDecisions);
    this.checkDuplicateIds();
    return this.violations;
  }

  private checkOne(change: PathChange, actedOn: string, addedDecisions: Decision[]): void {
    switch (change.kind) {
      case 'vote':
        return this.checkVote(change, actedOn);
      case 'decision':
        return this.checkDecision(change, actedOn, addedDecisions);
      case 'idea':
        return this.checkIdea(change, change.path, actedOn);
      case 'index':
        return; // Generated by `ideas index`; `ideas index --check` keeps it honest.
      default:
        return this.checkReviewerOnly(change, actedOn);
    }
  }

  private add(
    rule: PolicyRule,
    path: string,
    message: string,
    allowed: string,
    field?: string[],
  ): void {
    const repo = this.input.head.files.has(path) ? this.input.head : this.input.base;
    const file = repo.files.get(path);
    const at = file && field ? locateField(file.frontMatter, field) : { line: 1, column: 1 };
    this.violations.push({
      rule,
      severity: 'error',
      file: path,
      ...at,
      message: `${message}; ${allowed}`,
      allowed,
    });
  }

  private isReviewer(actor: Acting): boolean {
    return this.reviewers.some((r) => sameHandle(r, actor.handle));
  }

  /** Actors for whom `allowed` is false, named for the message. */
  private refused(path: string, allowed: (actor: Acting) => boolean): string | undefined {
    const actors = this.input.actorsOf(path);
    const names =
      actors.length === 0
        ? ['an unknown author']
        : actors.filter((a) => !allowed(a)).map((a) => a.label);
    return names.length > 0 ? names.join(', ') : undefined;
  }

  private checkPaths(): void {
    const touched: string[] = [];
    for (const change of this.input.changes) {
      for (const path of change.from !== undefined ? [change.from, change.path] : [change.path]) {
        const reason = unsafePathReason(path);
        if (reason)
          this.add(
            'policy/unsafe-path',
            path,
            `${reason}`,
            'nobody may add it: give the file its plain place in the layout (ideas/, votes/<id>/, decisions/<id>/)',
          );
      }
      if (change.status !== 'deleted') touched.push(change.path);
      if (change.status !== 'deleted' && change.newMode === '120000')
        this.add(
          'policy/unsafe-path',
          change.path,
          'the file is a symbolic link, which could point anywhere, config and secrets included',
          'nobody may add one: replace the link with the file itself',
        );
      if (change.status !== 'deleted' && change.newMode === '160000')
        this.add(
          'policy/unsafe-path',
          change.path,
          'the path is a submodule, another repository pulled into this one',
          'nobody may add one: commit plain files instead',
        );
    }
    for (const [path, twin] of caseCollisions(touched, this.input.headPaths))
      this.add(
        'policy/unsafe-path',
        path,
        `"${path}" and "${twin}" differ only in case: on macOS and Windows they are one file`,
        'nobody may add it: use the existing spelling',
      );
  }

  private checkVote(change: PathChange, actedOn: string): void {
    const { path } = change;
    if (change.status === 'deleted') {
      const old = this.baseVotes.get(path);
      const voter = old?.voter ?? voterOfPath(path);
      const who = this.refused(
        actedOn,
        (a) =>
          sameHandle(a.handle, voter) ||
          (old?.recorded_by !== undefined &&
            sameHandle(a.handle, old.recorded_by) &&
            this.isReviewer(a)),
      );
      if (who)
        this.add(
          'policy/vote-voter',
          path,
          `${who} deleted the vote of ${voter ?? 'someone else'}`,
          `only ${voter ?? 'its voter'} may retract it (ideas vote --retract)`,
        );
      return;
    }
    const vote = this.headVotes.get(path);
    const old = change.status === 'modified' ? this.baseVotes.get(path) : undefined;
    const named = placeFile(path);
    const voters = [
      ...new Set(
        [vote?.voter, named.kind === 'vote' ? named.voter : undefined, old?.voter].filter(
          (v): v is string => Boolean(v),
        ),
      ),
    ];
    const recordedChanged =
      vote?.recorded_by !== undefined && vote.recorded_by !== old?.recorded_by;
    const mayRecord = (a: Acting) =>
      vote?.recorded_by !== undefined &&
      sameHandle(a.handle, vote.recorded_by) &&
      this.isReviewer(a);
    const who = this.refused(actedOn, (a) => {
      if (mayRecord(a)) return true;
      if (recordedChanged) return false; // A voter cannot claim a reviewer recorded their vote.
      return voters.length > 0 && voters.every((v) => sameHandle(a.handle, v));
    });
    if (!who) return;
    const voter = voters.join(' / ') || 'its voter';
    const verb = change.status === 'added' ? 'added' : 'changed';
    const detail = recordedChanged
      ? `${who} ${verb} a vote of ${voter} marked recorded_by: ${vote?.recorded_by}, and only that reviewer may record it`
      : `${who} ${verb} the vote of ${voter}`;
    this.add(
      'policy/vote-voter',
      path,
      detail,
      `only ${voter} may ${verb === 'added' ? 'add' : 'change'} it, or a reviewer (${listNames(this.reviewers)}) recording it for them with recorded_by`,
      ['voter'],
    );
  }

  private checkDecision(change: PathChange, actedOn: string, addedDecisions: Decision[]): void {
    const { path } = change;
    if (change.status !== 'added') {
      const verb = change.status === 'deleted' ? 'deleted' : 'modified';
      this.add(
        'policy/decision-append-only',
        path,
        `a merged decision was ${verb}: decisions are the audit trail and never change`,
        'nobody may rewrite it: to change the status, add a new decision with ideas review',
      );
      return;
    }
    const decision = this.headDecisions.get(path);
    if (!decision) return; // Not a readable decision: validation reports why.
    addedDecisions.push(decision);
    const authors =
      (
        this.baseIdeas.get(this.ideaPathOf(this.input.base, decision.idea) ?? '') ??
        this.input.head.ideasById.get(decision.idea)
      )?.authors ?? [];
    const signs = (a: Acting) => decision.reviewers.some((r) => sameHandle(r, a.handle));
    const authorWithdrawal = (a: Acting) =>
      decision.status === 'withdrawn' && authors.some((x) => sameHandle(x, a.handle)) && signs(a);
    const who = this.refused(
      actedOn,
      (a) => (this.isReviewer(a) && signs(a)) || authorWithdrawal(a),
    );
    if (who) {
      this.add(
        'policy/decision-reviewer',
        path,
        `${who} added a decision (${decision.status}) without being a reviewer who signs it`,
        `only a reviewer (${listNames(this.reviewers)}) may add it and sign it in reviewers${authors.length > 0 ? `; ${authors.join(', ')} may add withdrawn for their own idea` : ''}`,
        ['reviewers'],
      );
    }
    const isWithdrawalByAuthor =
      decision.status === 'withdrawn' &&
      decision.reviewers.length > 0 &&
      decision.reviewers.every((r) => authors.some((x) => sameHandle(x, r)));
    const quorum = this.input.base.config.review.quorum;
    const signed = new Set(
      decision.reviewers
        .filter((r) => this.reviewers.some((x) => sameHandle(x, r)))
        .map((r) => r.toLowerCase()),
    );
    if (!isWithdrawalByAuthor && signed.size < quorum) {
      this.add(
        'policy/decision-quorum',
        path,
        `the decision is signed by ${signed.size} of the ${quorum} reviewers the quorum needs`,
        `reviewers (${listNames(this.reviewers)}) must sign it: ${quorum} of them in reviewers`,
        ['reviewers'],
      );
    }
  }

  private ideaPathOf(repo: Repository, id: string): string | undefined {
    return repo.ideasById.get(id)?.path;
  }

  /** An edit is judged against the base's authors, so a branch cannot add itself as an author first. */
  private checkIdea(change: PathChange, basePath: string, actedOn = change.path): void {
    const { path } = change;
    if (change.status === 'added') {
      const idea = this.headIdeas.get(path);
      if (!idea) return; // Unreadable: validation reports it.
      const who = this.refused(
        actedOn,
        (a) => this.isReviewer(a) || idea.authors.some((x) => sameHandle(x, a.handle)),
      );
      if (who)
        this.add(
          'policy/idea-author',
          path,
          `${who} added an idea in the name of ${idea.authors.join(', ')}`,
          `only its authors (${idea.authors.join(', ')}) or a reviewer (${listNames(this.reviewers)}) may add it: list yourself in authors`,
          ['authors'],
        );
      return;
    }
    const old = this.baseIdeas.get(basePath);
    const authors = old?.authors ?? [];
    if (change.status === 'deleted') {
      const who = this.refused(actedOn, (a) => this.isReviewer(a));
      if (who)
        this.add(
          'policy/idea-author',
          path,
          `${who} deleted an idea`,
          `only a reviewer (${listNames(this.reviewers)}) may delete it; ${authors.length > 0 ? authors.join(', ') : 'an author'} may withdraw it with ideas review --status withdrawn`,
        );
      return;
    }
    const who = this.refused(
      actedOn,
      (a) => this.isReviewer(a) || authors.some((x) => sameHandle(x, a.handle)),
    );
    if (who)
      this.add(
        'policy/idea-author',
        path,
        `${who} edited an idea of ${authors.join(', ') || 'someone else'}`,
        `only its authors (${authors.join(', ') || 'as merged'}) or a reviewer (${listNames(this.reviewers)}) may edit it: comment with a vote instead`,
      );
  }

  private checkReviewerOnly(change: PathChange, actedOn: string): void {
    const who = this.refused(actedOn, (a) => this.isReviewer(a));
    if (!who) return;
    const what: Record<string, string> = {
      config: 'a configuration, CI or CODEOWNERS file',
      template: 'a template',
      other: 'a file outside the ideas layout',
    };
    const verb =
      change.status === 'deleted' ? 'deleted' : change.status === 'added' ? 'added' : 'changed';
    this.add(
      'policy/reviewer-only',
      change.path,
      `${who} ${verb} ${what[change.kind] ?? 'a file'}`,
      `only a reviewer (${listNames(this.reviewers)}) may change it`,
    );
  }

  /** Walks each idea's new decisions on from its status on the base, with the base's lifecycle. */
  private checkTransitions(added: Decision[]): void {
    const lifecycle = this.input.base.config.lifecycle;
    const byIdea = new Map<string, Decision[]>();
    for (const d of added) byIdea.set(d.idea, [...(byIdea.get(d.idea) ?? []), d]);
    for (const [idea, list] of byIdea) {
      list.sort(compareDecisions);
      const last = this.input.base.decisionsByIdea.get(idea)?.at(-1);
      let from = last?.status ?? lifecycle.initial;
      for (const d of list) {
        if (last && compareDecisions(d, last) < 0) {
          this.add(
            'policy/transition',
            d.path,
            `the decision is dated ${d.date}, before the latest merged decision ${last.path}: it would rewrite the history`,
            `date it ${last.date} or later (ideas review writes today's date)`,
            ['date'],
          );
        }
        if (isKnownStatus(lifecycle, d.status) && !isLegalTransition(lifecycle, from, d.status)) {
          const next = legalNext(lifecycle, from);
          this.add(
            'policy/transition',
            d.path,
            `"${idea}" is ${from} on the base and cannot move to ${d.status}`,
            next.length > 0
              ? `from ${from} a reviewer may move it to ${next.join(', ')}`
              : `${from} is final: nobody may move it on`,
            ['status'],
          );
        }
        from = d.status;
      }
    }
  }

  private checkDuplicateIds(): void {
    for (const change of this.input.changes) {
      if (change.kind !== 'idea' || change.status === 'deleted' || change.status === 'modified')
        continue;
      const idea = this.headIdeas.get(change.path);
      const taken = idea && this.input.baseIdeaPaths.get(idea.id);
      if (idea && taken !== undefined && taken !== change.path && taken !== change.from)
        this.add(
          'policy/duplicate-id',
          change.path,
          `id "${idea.id}" is already used by ${taken} on the base`,
          'give this idea a new id (ideas new allocates one)',
          ['id'],
        );
    }
  }
}

/** An idea file seen on another branch. */
export interface BranchIdea {
  branch: string;
  path: string;
  id: string;
}

/**
 * Ids added here that another branch also adds in a different file: git merges both cleanly,
 * and the second merge breaks id uniqueness on the main branch.
 */
export function checkOpenPrIds(
  added: readonly { id: string; path: string; line: number; column: number }[],
  others: readonly BranchIdea[],
): Violation[] {
  const violations: Violation[] = [];
  for (const idea of added) {
    const clashes = others.filter((o) => o.id === idea.id && o.path !== idea.path);
    if (clashes.length === 0) continue;
    const where = clashes.map((c) => `${c.path} on ${c.branch}`).join(', ');
    const allowed = 'give this idea a new id (ideas new allocates one) before either branch merges';
    violations.push({
      rule: 'policy/duplicate-id',
      severity: 'error',
      file: idea.path,
      line: idea.line,
      column: idea.column,
      message: `id "${idea.id}" is also added by ${where}; ${allowed}`,
      allowed,
    });
  }
  return violations;
}

/**
 * What happened in a window of history, as the difference between the repository at its start
 * and at its end: ideas that arrived, status changes with their rationale, votes cast, changed
 * and retracted, ideas that became stale. Pure: both states come in, read at two commits of the
 * main line by the I/O edge. A vote cast and retracted inside the window left no trace in
 * either state and is not counted: the window reports what changed, not every keystroke.
 */
import { statusOf } from '../model/lifecycle.js';
import type { Repository } from '../model/repository.js';
import type { Decision, Idea, Vote } from '../model/types.js';
import type { RecordDates } from '../model/record-dates.js';
import { reviewQueue } from '../model/review-queue.js';
import { countSupport } from '../model/support.js';

export interface WindowEdge {
  /** What the user passed: a date, a date and time, or a ref; null for "the start" or "now". */
  given: string | null;
  /** The commit the state was read at; null when the window starts before the first commit. */
  commit: string | null;
  /** The day the state stands for (YYYY-MM-DD). */
  day: string;
}

/** The repository at one end of the window, with the dates its history gives its records. */
export interface State {
  repo: Repository;
  dates: RecordDates;
}

export interface ChangesOptions {
  since: WindowEdge;
  until: WindowEdge;
  /** Only what concerns this person: ideas they wrote, voted for or decided on. */
  forHandle?: string | undefined;
  /** Name the voters who came and went, not only their counts. */
  withVoters?: boolean;
}

export interface ArrivedIdea {
  id: string;
  title: string;
  path: string;
  kind: Idea['kind'];
  team: string | null;
  authors: string[];
  status: string;
}

export interface StatusChange {
  id: string;
  title: string;
  path: string;
  from: string;
  to: string;
  date: string;
  reviewers: string[];
  rationale: string;
  decision: string;
}

export interface VoteActivity {
  id: string;
  title: string;
  path: string;
  status: string;
  cast: number;
  changed: number;
  retracted: number;
  /** Points of all votes on the idea at the end minus at the start. */
  pointsDelta: number;
  /** Present with `withVoters`. */
  voters?: { cast: string[]; changed: string[]; retracted: string[] };
}

export interface StaleIdea {
  id: string;
  title: string;
  path: string;
  status: string;
  waitingSince: string;
  waitingDays: number;
}

export interface Changes {
  since: WindowEdge;
  until: WindowEdge;
  forHandle: string | null;
  arrived: ArrivedIdea[];
  statusChanges: StatusChange[];
  votes: VoteActivity[];
  becameStale: StaleIdea[];
  totals: {
    arrived: number;
    statusChanges: number;
    votesCast: number;
    votesChanged: number;
    votesRetracted: number;
    becameStale: number;
  };
}

/** `before` is undefined when the window starts before the repository's first commit. */
export function changesBetween(
  beforeState: State | undefined,
  afterState: State,
  options: ChangesOptions,
): Changes {
  const before = beforeState?.repo;
  const after = afterState.repo;
  const dates = afterState.dates;
  const beforeDecisions = new Set(before?.decisions.map((d) => d.path) ?? []);
  const beforeVotes = new Map((before?.votes ?? []).map((v) => [v.path, v]));
  const afterVotes = new Map(after.votes.map((v) => [v.path, v]));
  const concerns = options.forHandle
    ? concernsOf(options.forHandle, before, after)
    : (): boolean => true;
  const ideaOf = (id: string): Idea | undefined =>
    after.ideasById.get(id) ?? before?.ideasById.get(id);

  const arrived: ArrivedIdea[] = [];
  for (const idea of after.ideasById.values()) {
    if (before?.ideasById.has(idea.id) || !concerns(idea.id)) continue;
    arrived.push({
      id: idea.id,
      title: idea.title,
      path: idea.path,
      kind: idea.kind,
      team: idea.team ?? null,
      authors: idea.authors,
      status: statusOf(after, idea.id),
    });
  }

  const statusChanges: StatusChange[] = [];
  for (const [id, decisions] of after.decisionsByIdea) {
    if (!concerns(id)) continue;
    let from = before ? statusOf(before, id) : after.config.lifecycle.initial;
    for (const decision of decisions) {
      if (beforeDecisions.has(decision.path)) {
        from = decision.status;
        continue;
      }
      statusChanges.push(statusChange(id, ideaOf(id), from, decision, dates.decision(decision)));
      from = decision.status;
    }
  }

  const activity = new Map<string, VoteActivity>();
  const touch = (id: string): VoteActivity => {
    let entry = activity.get(id);
    if (!entry) {
      const idea = ideaOf(id);
      entry = {
        id,
        title: idea?.title ?? id,
        path: idea?.path ?? '',
        status: after.ideasById.has(id) ? statusOf(after, id) : 'gone',
        cast: 0,
        changed: 0,
        retracted: 0,
        pointsDelta: 0,
        ...(options.withVoters ? { voters: { cast: [], changed: [], retracted: [] } } : {}),
      };
      activity.set(id, entry);
    }
    return entry;
  };
  for (const [path, vote] of afterVotes) {
    if (!concerns(vote.idea)) continue;
    const old = beforeVotes.get(path);
    if (!old) {
      const entry = touch(vote.idea);
      entry.cast++;
      entry.pointsDelta += vote.points;
      entry.voters?.cast.push(vote.voter);
    } else if (voteChanged(old, vote)) {
      const entry = touch(vote.idea);
      entry.changed++;
      entry.pointsDelta += vote.points - old.points;
      entry.voters?.changed.push(vote.voter);
    }
  }
  for (const [path, vote] of beforeVotes) {
    if (afterVotes.has(path) || !concerns(vote.idea)) continue;
    const entry = touch(vote.idea);
    entry.retracted++;
    entry.pointsDelta -= vote.points;
    entry.voters?.retracted.push(vote.voter);
  }
  for (const entry of activity.values())
    if (entry.voters) for (const list of Object.values(entry.voters)) list.sort();

  // Stale is the review queue's own verdict, taken on the first and the last day of the window.
  const staleBefore = new Set(
    beforeState
      ? reviewQueue(
          beforeState.repo,
          countSupport(beforeState.repo),
          beforeState.dates,
          options.since.day,
        )
          .filter((e) => e.stale)
          .map((e) => e.idea.id)
      : [],
  );
  const becameStale: StaleIdea[] = reviewQueue(after, countSupport(after), dates, options.until.day)
    .filter((e) => e.stale && !staleBefore.has(e.idea.id) && concerns(e.idea.id))
    .map((e) => ({
      id: e.idea.id,
      title: e.idea.title,
      path: e.idea.path,
      status: e.status,
      waitingSince: e.waitingSince,
      waitingDays: e.waitingDays,
    }));

  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  arrived.sort(byId);
  statusChanges.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      byId(a, b) ||
      (a.decision < b.decision ? -1 : 1),
  );
  const votes = [...activity.values()].sort(
    (a, b) => b.cast + b.changed - (a.cast + a.changed) || byId(a, b),
  );
  return {
    since: options.since,
    until: options.until,
    forHandle: options.forHandle ?? null,
    arrived,
    statusChanges,
    votes,
    becameStale,
    totals: {
      arrived: arrived.length,
      statusChanges: statusChanges.length,
      votesCast: votes.reduce((n, v) => n + v.cast, 0),
      votesChanged: votes.reduce((n, v) => n + v.changed, 0),
      votesRetracted: votes.reduce((n, v) => n + v.retracted, 0),
      becameStale: becameStale.length,
    },
  };
}

function statusChange(
  id: string,
  idea: Idea | undefined,
  from: string,
  decision: Decision,
  landed: string,
): StatusChange {
  return {
    id,
    title: idea?.title ?? id,
    path: idea?.path ?? '',
    from,
    to: decision.status,
    date: landed,
    reviewers: decision.reviewers,
    rationale: decision.rationale.trim(),
    decision: decision.path,
  };
}

function voteChanged(old: Vote, now: Vote): boolean {
  return (
    old.points !== now.points ||
    old.comment.trim() !== now.comment.trim() ||
    old.customers.join('\n') !== now.customers.join('\n')
  );
}

/** The ideas a person has a stake in, on either side of the window. */
function concernsOf(
  handle: string,
  before: Repository | undefined,
  after: Repository,
): (id: string) => boolean {
  const me = handle.toLowerCase();
  const ids = new Set<string>();
  for (const repo of before ? [before, after] : [after]) {
    for (const idea of repo.ideas)
      if (idea.authors.some((a) => a.toLowerCase() === me)) ids.add(idea.id);
    for (const vote of repo.votes) if (vote.voter.toLowerCase() === me) ids.add(vote.idea);
    for (const decision of repo.decisions)
      if (decision.reviewers.some((r) => r.toLowerCase() === me)) ids.add(decision.idea);
  }
  return (id) => ids.has(id);
}

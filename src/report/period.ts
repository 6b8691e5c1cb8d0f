/**
 * This period against the one of the same length just before it, and the ideas whose support
 * grew most in it. `--since` gives the period (to today); without it, the last PERIOD_DAYS
 * days. Everything dated in a window counts, whenever its idea arrived.
 */
import { isClosed, isDone, type Lifecycle } from '../model/lifecycle.js';
import type { RecordDates } from '../model/record-dates.js';
import type { CountedVote } from '../model/support.js';
import type { Decision, Idea, Vote } from '../model/types.js';
import type { Timeline } from './funnel.js';
import type { PersonName } from './person-names.js';
import type { IdeaRef, PeriodFigures, Report } from './report-types.js';
import { addDays, daysBetween } from './stats.js';
import { refWith } from './idea-ref.js';

/** The period without --since: a quarter, the span a lead reviews. */
export const PERIOD_DAYS = 90;

export interface Window {
  from: string;
  to: string;
}

export interface PeriodWindows {
  source: 'since' | 'default';
  days: number;
  current: Window;
  previous: Window;
}

export function periodWindows(today: string, since: string | undefined): PeriodWindows {
  const from = since ?? addDays(today, -(PERIOD_DAYS - 1));
  const days = Math.max(0, daysBetween(from, today) + 1);
  return {
    source: since === undefined ? 'default' : 'since',
    days,
    current: { from, to: today },
    previous: { from: addDays(from, -days), to: addDays(from, -1) },
  };
}

const within = (w: Window, day: string) => day >= w.from && day <= w.to;

/** The day a counted vote arrived: its vote file's record date (git, else front matter). */
export function countedVoteDays(dates: RecordDates): (vote: CountedVote) => string {
  return (counted) => (counted.file ? dates.vote(counted.file) : counted.date);
}

export interface PeriodInput {
  windows: PeriodWindows;
  /** Ideas of kind idea in the team and campaign scope, whenever they arrived. */
  leaves: readonly Idea[];
  votes: readonly Vote[];
  decisions: readonly Decision[];
  timelines: ReadonlyMap<string, Timeline>;
  dates: RecordDates;
  lifecycle: Lifecycle;
  name: PersonName;
}

export function buildPeriod(input: PeriodInput): Report['period'] {
  const { windows, dates, lifecycle, name } = input;
  // One pass over the records, each dated once, into the window it falls in (if any).
  const tally = (w: Window) => ({
    w,
    ideas: 0,
    votes: 0,
    decisions: 0,
    delivered: 0,
    authors: new Set<string>(),
    voters: new Set<string>(),
    customers: new Set<string>(),
  });
  const now = tally(windows.current);
  const before = tally(windows.previous);
  const windowOf = (day: string) =>
    within(now.w, day) ? now : within(before.w, day) ? before : undefined;
  for (const idea of input.leaves) {
    const arrived = windowOf(dates.arrival(idea));
    if (arrived) {
      arrived.ideas++;
      for (const author of idea.authors) arrived.authors.add(name(author));
    }
    // Delivered: the day it first reached a done status.
    const steps = input.timelines.get(idea.id) ?? [];
    const day = steps.find((step, k) => k > 0 && isDone(lifecycle, step.status))?.day;
    const delivered = day === undefined ? undefined : windowOf(day);
    if (delivered) delivered.delivered++;
  }
  for (const vote of input.votes) {
    const cast = windowOf(dates.vote(vote));
    if (!cast) continue;
    cast.votes++;
    cast.voters.add(name(vote.voter));
    for (const customer of vote.customers) cast.customers.add(customer);
  }
  for (const decision of input.decisions) {
    const taken = windowOf(dates.decision(decision));
    if (taken) taken.decisions++;
  }
  const figures = (t: ReturnType<typeof tally>): PeriodFigures => ({
    from: t.w.from,
    to: t.w.to,
    ideas: t.ideas,
    votes: t.votes,
    decisions: t.decisions,
    delivered: t.delivered,
    authors: t.authors.size,
    voters: t.voters.size,
    customers: t.customers.size,
  });
  return {
    source: windows.source,
    days: windows.days,
    current: figures(now),
    previous: figures(before),
  };
}

export interface RisingInput {
  windows: PeriodWindows;
  leaves: readonly Idea[];
  votersOf: (id: string) => readonly CountedVote[];
  dayOf: (vote: CountedVote) => string;
  refOf: (idea: Idea) => IdeaRef;
  lifecycle: Lifecycle;
  limit: number;
}

/**
 * Open ideas by counted votes (successors and budgets applied) that arrived in the period: a
 * closed idea takes no new votes, and one withdrawn after a rush of support is not rising.
 */
export function buildRising(input: RisingInput): Report['rising'] {
  const { current, previous } = input.windows;
  const rows: Report['rising'] = [];
  for (const idea of input.leaves) {
    const counted = input.votersOf(idea.id);
    let newVotes = 0;
    let newPoints = 0;
    let previousVotes = 0;
    for (const vote of counted) {
      const day = input.dayOf(vote);
      if (within(current, day)) {
        newVotes++;
        newPoints += vote.points;
      } else if (within(previous, day)) previousVotes++;
    }
    if (newVotes === 0) continue;
    const ref = input.refOf(idea);
    if (isClosed(input.lifecycle, ref.status)) continue;
    rows.push(refWith(ref, { newVotes, newPoints, previousVotes, votes: counted.length }));
  }
  return rows
    .sort(
      (a, b) =>
        b.newVotes - a.newVotes ||
        b.newPoints - a.newPoints ||
        b.votes - a.votes ||
        (a.id < b.id ? -1 : 1),
    )
    .slice(0, input.limit);
}

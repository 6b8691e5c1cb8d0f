/**
 * This period against the one of the same length just before it, and the ideas whose support
 * grew most in it. `--since` gives the period (to today); without it, the last PERIOD_DAYS
 * days. Everything dated in a window counts, whenever its idea arrived.
 */
import { isClosed, isDone, type Lifecycle } from '../model/lifecycle.js';
import type { RecordDates } from '../model/record-dates.js';
import type { Repository } from '../model/repository.js';
import type { CountedVote } from '../model/support.js';
import type { Decision, Idea, Vote } from '../model/types.js';
import type { Timeline } from './funnel.js';
import type { IdeaRef, PeriodFigures, Report } from './report-types.js';
import { addDays, daysBetween } from './stats.js';

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
export function countedVoteDays(
  repo: Repository,
  dates: RecordDates,
): (vote: CountedVote) => string {
  const files = new Map<string, Vote>();
  for (const vote of repo.votes) files.set(`${vote.idea}\0${vote.voter}`, vote);
  return (counted) => {
    const file = files.get(`${counted.from}\0${counted.voter}`);
    return file ? dates.vote(file) : counted.date;
  };
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
}

export function buildPeriod(input: PeriodInput): Report['period'] {
  const { windows, dates, lifecycle } = input;
  // The day each idea first reached a done status: its delivery.
  const deliveredOn = new Map<string, string>();
  for (const idea of input.leaves) {
    const steps = input.timelines.get(idea.id) ?? [];
    const day = steps.find((step, k) => k > 0 && isDone(lifecycle, step.status))?.day;
    if (day !== undefined) deliveredOn.set(idea.id, day);
  }
  const figures = (w: Window): PeriodFigures => {
    const ideas = input.leaves.filter((i) => within(w, dates.arrival(i)));
    const votes = input.votes.filter((v) => within(w, dates.vote(v)));
    return {
      from: w.from,
      to: w.to,
      ideas: ideas.length,
      votes: votes.length,
      decisions: input.decisions.filter((d) => within(w, dates.decision(d))).length,
      delivered: [...deliveredOn.values()].filter((day) => within(w, day)).length,
      authors: new Set(ideas.flatMap((i) => i.authors)).size,
      voters: new Set(votes.map((v) => v.voter)).size,
      customers: new Set(votes.flatMap((v) => v.customers)).size,
    };
  };
  return {
    source: windows.source,
    days: windows.days,
    current: figures(windows.current),
    previous: figures(windows.previous),
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
    const ref = input.refOf(idea);
    if (isClosed(input.lifecycle, ref.status)) continue;
    const counted = input.votersOf(idea.id);
    const fresh = counted.filter((v) => within(current, input.dayOf(v)));
    if (fresh.length === 0) continue;
    rows.push({
      ...ref,
      newVotes: fresh.length,
      newPoints: fresh.reduce((sum, v) => sum + v.points, 0),
      previousVotes: counted.filter((v) => within(previous, input.dayOf(v))).length,
      votes: counted.length,
    });
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

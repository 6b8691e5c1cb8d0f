/**
 * Monthly arrivals, votes and decisions over ONE window that every format shows whole and
 * names: the last TREND_MONTHS months up to today, or from --since when it is given.
 */
import type { RecordDates } from '../model/record-dates.js';
import type { Decision, Idea, Vote } from '../model/types.js';
import type { Report } from './report-types.js';
import { monthOf, monthsBetween } from './stats.js';

export const TREND_MONTHS = 24;

export function buildTrends(
  ideas: readonly Idea[],
  votes: readonly Vote[],
  decisions: readonly Decision[],
  dates: RecordDates,
  today: string,
  since: string | undefined,
): Pick<Report, 'trends' | 'trendWindow'> {
  const count = (days: string[]) => {
    const m = new Map<string, number>();
    for (const day of days) m.set(monthOf(day), (m.get(monthOf(day)) ?? 0) + 1);
    return m;
  };
  const ideaMonths = count(ideas.map((i) => dates.arrival(i)));
  const voteMonths = count(votes.map((v) => dates.vote(v)));
  const decisionMonths = count(decisions.map((d) => dates.decision(d)));
  const last = monthOf(today);
  const first = since !== undefined ? monthOf(since) : monthsAgo(last, TREND_MONTHS - 1);
  const months = first <= last ? monthsBetween(first, last) : [];
  return {
    trendWindow: { from: first, to: last, months: months.length },
    trends: months.map((month) => ({
      month,
      ideas: ideaMonths.get(month) ?? 0,
      votes: voteMonths.get(month) ?? 0,
      decisions: decisionMonths.get(month) ?? 0,
    })),
  };
}

/** The month `count` months before `month` (YYYY-MM). */
function monthsAgo(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

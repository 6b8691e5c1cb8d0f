/**
 * Ideas and votes per person: who brings the most, and who brought before and has gone quiet.
 * Counts are records (an idea each author shares, a vote file each), as the totals count them.
 */
import type { RecordDates } from '../model/record-dates.js';
import type { Idea, Vote } from '../model/types.js';
import type { PersonName } from './person-names.js';
import type { PersonRow, Report } from './report-types.js';
import { daysBetween } from './stats.js';

/** Nothing brought in this many days, after bringing something before: quiet. */
export const QUIET_AFTER_DAYS = 90;

export interface PeopleInput {
  /** Ideas and votes the report counts (its filters, --since included). */
  recent: { ideas: readonly Idea[]; votes: readonly Vote[] };
  /** Every idea and vote of the team and campaign scope, whenever it arrived. */
  all: { ideas: readonly Idea[]; votes: readonly Vote[] };
  dates: RecordDates;
  today: string;
  personTeam: (handle: string) => string | undefined;
  name: PersonName;
}

interface Tally {
  ideas: number;
  votes: number;
  lastActive: string;
}

/** Ideas (themes apart) and votes per person, and the latest day of either. */
function tally(
  ideas: readonly Idea[],
  votes: readonly Vote[],
  dates: RecordDates,
  name: PersonName,
): Map<string, Tally> {
  const people = new Map<string, Tally>();
  const add = (who: string, day: string, kind: 'ideas' | 'votes') => {
    const person = name(who);
    let row = people.get(person);
    if (!row) people.set(person, (row = { ideas: 0, votes: 0, lastActive: day }));
    row[kind]++;
    if (day > row.lastActive) row.lastActive = day;
  };
  for (const idea of ideas) {
    if (idea.kind !== 'idea') continue;
    // An idea counts once for its author, however many spellings of them it lists.
    for (const author of new Set(idea.authors.map(name))) add(author, dates.arrival(idea), 'ideas');
  }
  for (const vote of votes) add(vote.voter, dates.vote(vote), 'votes');
  return people;
}

const byContribution = (a: PersonRow, b: PersonRow) =>
  b.ideas + b.votes - (a.ideas + a.votes) ||
  b.ideas - a.ideas ||
  (a.lastActive > b.lastActive ? -1 : a.lastActive < b.lastActive ? 1 : 0) ||
  (a.person < b.person ? -1 : a.person > b.person ? 1 : 0);

export function buildPeople({
  recent,
  all,
  dates,
  today,
  personTeam,
  name,
}: PeopleInput): Report['people'] {
  const ever = tally(all.ideas, all.votes, dates, name);
  const row = (person: string, counts: Tally): PersonRow => ({
    person,
    team: personTeam(person) ?? null,
    ideas: counts.ideas,
    votes: counts.votes,
    // The latest day over the whole scope: a contributor of the period may be active since.
    lastActive: ever.get(person)?.lastActive ?? counts.lastActive,
  });
  // The recent records are a subset of all of them: as many means the same (no --since).
  const same = recent.ideas.length === all.ideas.length && recent.votes.length === all.votes.length;
  const contributors = [...(same ? ever : tally(recent.ideas, recent.votes, dates, name))]
    .map(([person, counts]) => row(person, counts))
    .sort(byContribution);
  const quiet = [...ever]
    .filter(([, counts]) => daysBetween(counts.lastActive, today) >= QUIET_AFTER_DAYS)
    .map(([person, counts]) => ({
      ...row(person, counts),
      quietDays: daysBetween(counts.lastActive, today),
    }))
    .sort(byContribution);
  return { contributors, quietAfterDays: QUIET_AFTER_DAYS, quiet };
}

/**
 * Participation: who writes and who votes, by team (own and rolled up the tree) and by level of
 * the hierarchy, and the month each contributor first took part.
 */
import type { RecordDates } from '../model/record-dates.js';
import type { Repository } from '../model/repository.js';
import { teamTree } from '../model/teams.js';
import type { Idea, Vote } from '../model/types.js';
import { countPeople, type PersonName } from './person-names.js';
import type { LevelRow, Report, TeamFigures, TeamRow } from './report-types.js';
import { byString, monthOf, shareOf } from './stats.js';

export interface TeamLookups {
  personTeam: (handle: string) => string | undefined;
  ideaTeam: (idea: Idea) => string | undefined;
  teamFilter: Set<string> | undefined;
  since: string | undefined;
  name: PersonName;
}

export function buildParticipation(
  repo: Repository,
  ideas: Idea[],
  votes: Vote[],
  dates: RecordDates,
  { personTeam, ideaTeam, teamFilter, since, name }: TeamLookups,
): Report['participation'] {
  const configured = repo.config.teams;
  // Teams used in files but missing from the config still show, as top-level teams.
  const parentOf = new Map<string, string | undefined>(
    Object.entries(configured).map(([name, t]) => [name, t.parent]),
  );
  const authorTeam = (author: string, idea: Idea) => personTeam(author) ?? ideaTeam(idea);
  for (const idea of ideas) {
    const team = ideaTeam(idea);
    if (team !== undefined && !parentOf.has(team)) parentOf.set(team, undefined);
    for (const a of idea.authors) {
      const t = authorTeam(a, idea);
      if (t !== undefined && !parentOf.has(t)) parentOf.set(t, undefined);
    }
  }
  for (const vote of votes) {
    const t = personTeam(vote.voter);
    if (t !== undefined && !parentOf.has(t)) parentOf.set(t, undefined);
  }
  // Depths and orders below are linear in the number of teams: a config may hold a deep chain.
  const depths = new Map<string, number>();
  const depthOf = (team: string): number => {
    const known = depths.get(team);
    if (known !== undefined) return known;
    const chain: string[] = [];
    const seen = new Set<string>();
    let at: string | undefined = team;
    let base = -1;
    while (at !== undefined && !seen.has(at)) {
      const cached = depths.get(at);
      if (cached !== undefined) {
        base = cached;
        break;
      }
      seen.add(at);
      chain.push(at);
      at = parentOf.get(at);
    }
    for (let i = chain.length - 1; i >= 0; i--) depths.set(chain[i] as string, ++base);
    return depths.get(team) ?? 0;
  };

  interface Sets {
    ideas: number;
    authors: Set<string>;
    votes: number;
    voters: Set<string>;
  }
  const own = new Map<string, Sets>();
  const setsOf = (team: string) => {
    let sets = own.get(team);
    if (!sets)
      own.set(team, (sets = { ideas: 0, authors: new Set(), votes: 0, voters: new Set() }));
    return sets;
  };
  for (const team of parentOf.keys()) setsOf(team);
  const noTeam = '';
  for (const idea of ideas) {
    if (idea.kind === 'idea') setsOf(ideaTeam(idea) ?? noTeam).ideas++;
    for (const a of idea.authors) setsOf(authorTeam(a, idea) ?? noTeam).authors.add(name(a));
  }
  for (const vote of votes) {
    const sets = setsOf(personTeam(vote.voter) ?? noTeam);
    sets.votes++;
    sets.voters.add(name(vote.voter));
  }

  const figures = (sets: Sets[]): TeamFigures => {
    const authors = new Set<string>();
    const voters = new Set<string>();
    let ideaCount = 0;
    let voteCount = 0;
    for (const s of sets) {
      ideaCount += s.ideas;
      voteCount += s.votes;
      for (const a of s.authors) authors.add(a);
      for (const v of s.voters) voters.add(v);
    }
    return { ideas: ideaCount, authors: authors.size, votes: voteCount, voters: voters.size };
  };
  // Depth-first from the roots, so a team lists right under its parent.
  const children = teamTree(parentOf).children;
  const ordered: string[] = [];
  const placed = new Set<string>();
  for (const stack = [...(children.get(undefined) ?? [])].reverse(); stack.length > 0;) {
    const team = stack.pop() as string;
    if (placed.has(team)) continue;
    placed.add(team);
    ordered.push(team);
    stack.push(...[...(children.get(team) ?? [])].reverse());
  }
  // Rolled-up figures bottom-up: each team's people sets merge into its parent's once.
  const rolled = new Map<string, Sets>();
  for (const team of [...ordered].reverse()) {
    const mine = setsOf(team);
    const sum: Sets = {
      ideas: mine.ideas,
      authors: new Set(mine.authors),
      votes: mine.votes,
      voters: new Set(mine.voters),
    };
    for (const child of children.get(team) ?? []) {
      const sub = rolled.get(child);
      if (!sub) continue;
      sum.ideas += sub.ideas;
      sum.votes += sub.votes;
      for (const a of sub.authors) sum.authors.add(a);
      for (const v of sub.voters) sum.voters.add(v);
    }
    rolled.set(team, sum);
  }
  const rows: TeamRow[] = ordered
    .filter((team) => !teamFilter || teamFilter.has(team))
    .map((team) => ({
      team,
      name: configured[team]?.name ?? null,
      parent: parentOf.get(team) ?? null,
      depth: depthOf(team),
      own: figures([setsOf(team)]),
      rolledUp: figures([rolled.get(team) ?? setsOf(team)]),
    }));
  const unassigned = own.get(noTeam);
  if (unassigned && (unassigned.ideas > 0 || unassigned.votes > 0)) {
    const f = figures([unassigned]);
    rows.push({ team: '(no team)', name: null, parent: null, depth: 0, own: f, rolledUp: f });
  }

  // Levels: depth in the hierarchy; the deepest level holds the front line.
  const levelIdeas = new Map<number | null, number>();
  const levelVotes = new Map<number | null, number>();
  const levelOf = (team: string | undefined) => (team === undefined ? null : depthOf(team));
  const leaves = ideas.filter((idea) => idea.kind === 'idea');
  for (const idea of leaves)
    levelIdeas.set(levelOf(ideaTeam(idea)), (levelIdeas.get(levelOf(ideaTeam(idea))) ?? 0) + 1);
  for (const vote of votes) {
    const level = levelOf(personTeam(vote.voter));
    levelVotes.set(level, (levelVotes.get(level) ?? 0) + 1);
  }
  const levelDepths = [...new Set([...parentOf.keys()].map(depthOf))].sort((a, b) => a - b);
  const deepest = levelDepths.at(-1);
  const teamsAt = new Map<number, string[]>();
  for (const t of [...parentOf.keys()].sort()) {
    const list = teamsAt.get(depthOf(t));
    if (list) list.push(t);
    else teamsAt.set(depthOf(t), [t]);
  }
  const levels: LevelRow[] = [...levelDepths, null]
    .map((level) => {
      const teams = level === null ? [] : (teamsAt.get(level) ?? []);
      return {
        level,
        label: level === null ? 'no team' : `level ${level + 1}`,
        teams,
        frontLine: level !== null && level === deepest && levelDepths.length > 1,
        ideas: levelIdeas.get(level) ?? 0,
        ideasShare: shareOf(levelIdeas.get(level) ?? 0, leaves.length),
        votes: levelVotes.get(level) ?? 0,
        votesShare: shareOf(levelVotes.get(level) ?? 0, votes.length),
      };
    })
    .filter((row) => row.level !== null || row.ideas > 0 || row.votes > 0);

  // A contributor is new in the month of their first idea or vote in scope.
  const firstSeen = new Map<string, string>();
  const seen = (who: string, day: string) => {
    const known = firstSeen.get(who);
    if (known === undefined || day < known) firstSeen.set(who, day);
  };
  for (const idea of ideas) for (const a of idea.authors) seen(name(a), dates.arrival(idea));
  const ids = new Set(ideas.map((i) => i.id));
  for (const vote of repo.votes) if (ids.has(vote.idea)) seen(name(vote.voter), dates.vote(vote));
  const perMonth = new Map<string, string[]>();
  for (const [who, day] of firstSeen) {
    if (since !== undefined && day < since) continue;
    const list = perMonth.get(monthOf(day)) ?? [];
    list.push(who);
    perMonth.set(monthOf(day), list);
  }

  return {
    authors: countPeople(
      ideas.flatMap((i) => i.authors),
      name,
    ),
    voters: countPeople(
      votes.map((v) => v.voter),
      name,
    ),
    teams: rows,
    levels,
    newContributors: [...perMonth]
      .sort(byString(([month]) => month))
      .map(([month, list]) => ({ month, count: list.length, people: list.sort() })),
  };
}

/**
 * Every figure of `ideas report`, computed from a Repository and the dates git gave: no I/O,
 * no clock (today comes in). The returned value IS the `--format json` output, so its shape is
 * a public contract (README "Report JSON"): add fields, never rename or remove them.
 */
import { isClosed, statusOf } from '../model/lifecycle.js';
import { combinedSupport, countSupport, type CountedVote } from '../model/support.js';
import type { Repository } from '../model/repository.js';
import type { Decision, Idea, Vote } from '../model/types.js';
import { rankIdeas } from '../rank/rank.js';
import {
  ideaTeam as ideaTeamOf,
  personTeam as personTeamOf,
  teamAndBelow,
  teamTree,
} from '../model/teams.js';
import { resolveDates, type DateSource, type HistoryInput, type RecordDates } from './dates.js';
import {
  byString,
  daysBetween,
  monthOf,
  monthsBetween,
  shareOf,
  spreadOf,
  type Spread,
} from './stats.js';

export interface ReportOptions {
  today: string;
  history: HistoryInput;
  since?: string | undefined;
  /** Only this team and its sub-teams. */
  team?: string | undefined;
  campaign?: string | undefined;
  /** The git ref read, for the header; null for the working tree. */
  ref?: string | undefined;
  /** How many top ideas to list (default 10). */
  top?: number;
}

export interface IdeaRef {
  id: string;
  title: string;
  path: string;
  status: string;
  team: string | null;
}

export interface FunnelStage {
  status: string;
  /** Ideas in this status now. */
  current: number;
  /** Ideas that ever got this far along the main line. */
  reached: number;
  /** reached(next stage) / reached(this stage); null for the last stage or when none reached it. */
  conversion: number | null;
  /** Ideas that left this stage for a side status, by that status. */
  exits: Record<string, number>;
}

export interface TeamFigures {
  ideas: number;
  authors: number;
  votes: number;
  voters: number;
}

export interface TeamRow {
  team: string;
  /** The display name from the config, when it gives one. */
  name: string | null;
  parent: string | null;
  depth: number;
  own: TeamFigures;
  /** The team and every team under it. */
  rolledUp: TeamFigures;
}

export interface LevelRow {
  /** 0 is the top of the hierarchy; null gathers ideas and votes with no known team. */
  level: number | null;
  label: string;
  teams: string[];
  frontLine: boolean;
  ideas: number;
  ideasShare: number | null;
  votes: number;
  votesShare: number | null;
}

export interface WaitingIdea extends IdeaRef {
  votes: number;
  /** The day of its last event: arrival or latest decision. */
  waitingSince: string;
  waitingDays: number;
  stale: boolean;
}

export interface Report {
  schema: 1;
  today: string;
  ref: string | null;
  filters: { since: string | null; team: string | null; campaign: string | null };
  dates: DateSource;
  totals: {
    ideas: number;
    themes: number;
    votes: number;
    decisions: number;
    authors: number;
    voters: number;
    customers: number;
  };
  funnel: {
    stages: FunnelStage[];
    /** Side statuses (rejected, deferred, …) with how many ideas are in each now. */
    exits: { status: string; current: number }[];
    /** Ideas shipped / ideas proposed, over the whole main line. */
    overall: number | null;
  };
  latency: {
    /** Days from arriving on the main line to the first decision, over decided ideas. */
    firstDecision: Spread;
    undecided: number;
    distribution: { label: string; min: number; max: number | null; count: number }[];
    /** Days spent in each status before the next decision. */
    stages: ({ status: string } & Spread)[];
  };
  participation: {
    authors: number;
    voters: number;
    teams: TeamRow[];
    levels: LevelRow[];
    newContributors: { month: string; count: number; people: string[] }[];
  };
  trends: { month: string; ideas: number; votes: number; decisions: number }[];
  top: {
    model: string;
    ideas: (IdeaRef & { score: number | null; votes: number; points: number })[];
  };
  themes: (IdeaRef & {
    ideas: number;
    open: number;
    shipped: number;
    voters: number;
    points: number;
  })[];
  campaigns: {
    name: string;
    question: string;
    opens: string | null;
    closes: string;
    state: 'upcoming' | 'open' | 'closed';
    /** Days until it closes; negative once closed. */
    daysLeft: number;
    ideas: number;
    votes: number;
    voters: number;
    ideaIds: string[];
  }[];
  review: {
    threshold: number;
    staleAfterDays: number;
    queue: WaitingIdea[];
    stale: WaitingIdea[];
    reviewers: {
      reviewer: string;
      decisions: number;
      openItems: number;
      lastDecision: string | null;
    }[];
  };
  shipped: (IdeaRef & {
    shipped: string;
    authors: string[];
    voters: string[];
    customers: string[];
  })[];
}

const LATENCY_BUCKETS: { label: string; min: number; max: number | null }[] = [
  { label: '0–7 days', min: 0, max: 7 },
  { label: '8–14 days', min: 8, max: 14 },
  { label: '15–30 days', min: 15, max: 30 },
  { label: '31–60 days', min: 31, max: 60 },
  { label: '61–90 days', min: 61, max: 90 },
  { label: 'over 90 days', min: 91, max: null },
];

export function buildReport(repo: Repository, options: ReportOptions): Report {
  const { today, since } = options;
  const config = repo.config;
  const lifecycle = config.lifecycle;
  const dates = resolveDates(repo, options.history);
  const line = lifecycle.main;

  // Asked once per vote in several places: remember each person's team.
  const teamOfPerson = new Map<string, string | undefined>();
  const personTeam = (handle: string): string | undefined => {
    if (teamOfPerson.has(handle)) return teamOfPerson.get(handle);
    const team = personTeamOf(config, handle);
    teamOfPerson.set(handle, team);
    return team;
  };
  const ideaTeam = (idea: Idea): string | undefined => ideaTeamOf(config, idea);
  const teamFilter =
    options.team === undefined ? undefined : teamAndBelow(teamTree(config.teams), options.team);

  // The ideas in scope: filters apply to ideas; their votes and decisions follow them.
  const inScope = new Map<string, Idea>();
  for (const idea of repo.ideasById.values()) {
    if (options.campaign !== undefined && idea.campaign !== options.campaign) continue;
    if (teamFilter && !teamFilter.has(ideaTeam(idea) ?? '')) continue;
    if (since !== undefined && dates.arrival(idea) < since) continue;
    inScope.set(idea.id, idea);
  }
  const ideas = [...inScope.values()];
  const active = (day: string) => since === undefined || day >= since;
  const scopedVotes = repo.votes.filter((v) => inScope.has(v.idea));
  const scopedDecisions = (repo.decisions as Decision[]).filter((d) => inScope.has(d.idea));
  const recentVotes = scopedVotes.filter((v) => active(dates.vote(v)));
  const recentDecisions = scopedDecisions.filter((d) => active(dates.decision(d)));

  const status = new Map(ideas.map((idea) => [idea.id, statusOf(repo, idea.id)]));
  const refOf = (idea: Idea): IdeaRef => ({
    id: idea.id,
    title: idea.title,
    path: idea.path,
    status: status.get(idea.id) ?? statusOf(repo, idea.id),
    team: ideaTeam(idea) ?? null,
  });

  // The one support count (model/support.ts): successors and budgets applied, as rank does.
  const { byIdea } = countSupport(repo);
  const votersOf = (id: string): readonly CountedVote[] => byIdea.get(id) ?? [];

  // Themes group ideas; they are not ideas in the funnel, the latency or the counts.
  const leaves = ideas.filter((idea) => idea.kind === 'idea');
  const timelines = new Map(
    leaves.map((idea) => [
      idea.id,
      [
        { status: lifecycle.initial, day: dates.arrival(idea) },
        ...(repo.decisionsByIdea.get(idea.id) ?? []).map((d) => ({
          status: d.status,
          day: dates.decision(d),
        })),
      ],
    ]),
  );

  return {
    schema: 1,
    today,
    ref: options.ref ?? null,
    filters: {
      since: since ?? null,
      team: options.team ?? null,
      campaign: options.campaign ?? null,
    },
    dates: dates.source,
    totals: {
      ideas: ideas.filter((i) => i.kind === 'idea').length,
      themes: ideas.filter((i) => i.kind === 'theme').length,
      votes: recentVotes.length,
      decisions: recentDecisions.length,
      authors: new Set(ideas.flatMap((i) => i.authors)).size,
      voters: new Set(recentVotes.map((v) => v.voter)).size,
      customers: new Set(recentVotes.flatMap((v) => v.customers)).size,
    },
    funnel: buildFunnel(ideas, status, timelines, line, lifecycle),
    latency: buildLatency(timelines, line),
    participation: buildParticipation(repo, ideas, recentVotes, dates, {
      personTeam,
      ideaTeam,
      teamFilter,
      since,
    }),
    trends: buildTrends(leaves, recentVotes, recentDecisions, dates, today, since),
    top: {
      model: config.ranking.model,
      ideas: rankIdeas(repo, { today })
        .filter((r) => inScope.has(r.idea.id) && r.idea.kind === 'idea')
        .slice(0, options.top ?? 10)
        .map((r) => ({
          ...refOf(r.idea),
          score: r.score,
          votes: r.votes,
          points: r.points,
        })),
    },
    themes: buildThemes(repo, inScope, refOf, votersOf, status),
    campaigns: buildCampaigns(repo, options, ideas, votersOf),
    review: buildReview(
      repo,
      ideas,
      recentDecisions,
      timelines,
      refOf,
      votersOf,
      today,
      line,
      dates,
    ),
    shipped: buildShipped(ideas, timelines, refOf, votersOf, line),
  };
}

type Timeline = { status: string; day: string }[];

function buildFunnel(
  ideas: Idea[],
  status: Map<string, string>,
  timelines: Map<string, Timeline>,
  line: string[],
  lifecycle: Repository['config']['lifecycle'],
): Report['funnel'] {
  const reached = line.map(() => 0);
  const exits = line.map(() => new Map<string, number>());
  const current = new Map<string, number>();
  for (const idea of ideas) {
    if (idea.kind !== 'idea') continue;
    const now = status.get(idea.id) ?? lifecycle.initial;
    current.set(now, (current.get(now) ?? 0) + 1);
    const steps = timelines.get(idea.id) ?? [];
    let furthest = 0;
    steps.forEach((step, index) => {
      const at = line.indexOf(step.status);
      if (at > furthest) furthest = at;
      const next = steps[index + 1];
      if (at !== -1 && next && !line.includes(next.status)) {
        const stage = exits[at];
        if (stage) stage.set(next.status, (stage.get(next.status) ?? 0) + 1);
      }
    });
    for (let k = 0; k <= furthest; k++) reached[k] = (reached[k] ?? 0) + 1;
  }
  const stages = line.map((name, k) => {
    const here = reached[k] ?? 0;
    const next = reached[k + 1];
    return {
      status: name,
      current: current.get(name) ?? 0,
      reached: here,
      conversion: next === undefined ? null : shareOf(next, here),
      exits: Object.fromEntries([...(exits[k] ?? new Map<string, number>())].sort()),
    };
  });
  const side = Object.keys(lifecycle.transitions).filter((s) => !line.includes(s));
  return {
    stages,
    exits: side.map((s) => ({ status: s, current: current.get(s) ?? 0 })),
    overall: shareOf(reached.at(-1) ?? 0, reached[0] ?? 0),
  };
}

function buildLatency(timelines: Map<string, Timeline>, line: string[]): Report['latency'] {
  const first: number[] = [];
  let undecided = 0;
  const perStage = new Map<string, number[]>();
  for (const steps of timelines.values()) {
    const [arrival, decision] = steps;
    if (!arrival) continue;
    if (!decision) undecided++;
    else first.push(Math.max(0, daysBetween(arrival.day, decision.day)));
    for (let i = 0; i + 1 < steps.length; i++) {
      const here = steps[i];
      const next = steps[i + 1];
      if (!here || !next) continue;
      // Git dates can put two decisions merged the same week out of file order: never negative.
      const days = Math.max(0, daysBetween(here.day, next.day));
      const list = perStage.get(here.status) ?? [];
      list.push(days);
      perStage.set(here.status, list);
    }
  }
  return {
    firstDecision: spreadOf(first),
    undecided,
    distribution: LATENCY_BUCKETS.map((bucket) => ({
      ...bucket,
      count: first.filter((d) => d >= bucket.min && (bucket.max === null || d <= bucket.max))
        .length,
    })),
    stages: [...perStage]
      .sort(([a], [b]) => stageOrder(line, a) - stageOrder(line, b) || (a < b ? -1 : 1))
      .map(([status, values]) => ({ status, ...spreadOf(values) })),
  };
}

/** Main-line statuses in their order, the side statuses after them. */
function stageOrder(line: string[], status: string): number {
  const at = line.indexOf(status);
  return at === -1 ? line.length : at;
}

interface TeamLookups {
  personTeam: (handle: string) => string | undefined;
  ideaTeam: (idea: Idea) => string | undefined;
  teamFilter: Set<string> | undefined;
  since: string | undefined;
}

function buildParticipation(
  repo: Repository,
  ideas: Idea[],
  votes: Vote[],
  dates: RecordDates,
  { personTeam, ideaTeam, teamFilter, since }: TeamLookups,
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
    for (const a of idea.authors) setsOf(authorTeam(a, idea) ?? noTeam).authors.add(a);
  }
  for (const vote of votes) {
    const sets = setsOf(personTeam(vote.voter) ?? noTeam);
    sets.votes++;
    sets.voters.add(vote.voter);
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
  for (const idea of ideas) for (const a of idea.authors) seen(a, dates.arrival(idea));
  const ids = new Set(ideas.map((i) => i.id));
  for (const vote of repo.votes) if (ids.has(vote.idea)) seen(vote.voter, dates.vote(vote));
  const perMonth = new Map<string, string[]>();
  for (const [who, day] of firstSeen) {
    if (since !== undefined && day < since) continue;
    const list = perMonth.get(monthOf(day)) ?? [];
    list.push(who);
    perMonth.set(monthOf(day), list);
  }

  return {
    authors: new Set(ideas.flatMap((i) => i.authors)).size,
    voters: new Set(votes.map((v) => v.voter)).size,
    teams: rows,
    levels,
    newContributors: [...perMonth]
      .sort(byString(([month]) => month))
      .map(([month, list]) => ({ month, count: list.length, people: list.sort() })),
  };
}

function buildTrends(
  ideas: Idea[],
  votes: Vote[],
  decisions: Decision[],
  dates: RecordDates,
  today: string,
  since: string | undefined,
): Report['trends'] {
  const count = (days: string[]) => {
    const m = new Map<string, number>();
    for (const day of days) m.set(monthOf(day), (m.get(monthOf(day)) ?? 0) + 1);
    return m;
  };
  const ideaMonths = count(ideas.map((i) => dates.arrival(i)));
  const voteMonths = count(votes.map((v) => dates.vote(v)));
  const decisionMonths = count(decisions.map((d) => dates.decision(d)));
  const all = [...ideaMonths.keys(), ...voteMonths.keys(), ...decisionMonths.keys()].sort();
  const first = since !== undefined ? monthOf(since) : all[0];
  if (first === undefined) return [];
  const last = [monthOf(today), ...all].sort().at(-1) ?? monthOf(today);
  return monthsBetween(first, last).map((month) => ({
    month,
    ideas: ideaMonths.get(month) ?? 0,
    votes: voteMonths.get(month) ?? 0,
    decisions: decisionMonths.get(month) ?? 0,
  }));
}

function buildThemes(
  repo: Repository,
  inScope: Map<string, Idea>,
  refOf: (idea: Idea) => IdeaRef,
  votersOf: (id: string) => readonly CountedVote[],
  status: Map<string, string>,
): Report['themes'] {
  const children = new Map<string, Idea[]>();
  for (const idea of repo.ideasById.values()) {
    if (idea.parent === undefined) continue;
    const list = children.get(idea.parent) ?? [];
    list.push(idea);
    children.set(idea.parent, list);
  }
  const rows: Report['themes'] = [];
  for (const theme of repo.ideasById.values()) {
    if (theme.kind !== 'theme') continue;
    // Everything under the theme, themes of themes included, each once.
    const under: Idea[] = [];
    const queue = [...(children.get(theme.id) ?? [])];
    const seen = new Set([theme.id]);
    while (queue.length > 0) {
      const idea = queue.shift() as Idea;
      if (seen.has(idea.id)) continue;
      seen.add(idea.id);
      if (inScope.has(idea.id)) under.push(idea);
      queue.push(...(children.get(idea.id) ?? []));
    }
    if (!inScope.has(theme.id) && under.length === 0) continue;
    const { voters, points } = combinedSupport([theme.id, ...under.map((i) => i.id)].map(votersOf));
    const statusOfIdea = (i: Idea) => status.get(i.id) ?? statusOf(repo, i.id);
    const leaves = under.filter((i) => i.kind === 'idea');
    rows.push({
      ...refOf(theme),
      ideas: leaves.length,
      open: leaves.filter((i) => !isClosed(repo.config.lifecycle, statusOfIdea(i))).length,
      shipped: leaves.filter((i) => statusOfIdea(i) === 'shipped').length,
      voters,
      points,
    });
  }
  return rows.sort((a, b) => b.voters - a.voters || (a.id < b.id ? -1 : 1));
}

function buildCampaigns(
  repo: Repository,
  options: ReportOptions,
  ideas: Idea[],
  votersOf: (id: string) => readonly CountedVote[],
): Report['campaigns'] {
  return Object.entries(repo.config.campaigns)
    .filter(([name]) => options.campaign === undefined || name === options.campaign)
    .map(([name, campaign]) => {
      const mine = ideas.filter((i) => i.campaign === name);
      const voters = new Set<string>();
      let votes = 0;
      for (const idea of mine)
        for (const { voter } of votersOf(idea.id)) {
          votes++;
          voters.add(voter);
        }
      const state: 'upcoming' | 'open' | 'closed' =
        campaign.opens !== undefined && options.today < campaign.opens
          ? 'upcoming'
          : options.today > campaign.closes
            ? 'closed'
            : 'open';
      return {
        name,
        question: campaign.question,
        opens: campaign.opens ?? null,
        closes: campaign.closes,
        state,
        daysLeft: daysBetween(options.today, campaign.closes),
        ideas: mine.length,
        votes,
        voters: voters.size,
        ideaIds: mine.map((i) => i.id).sort(),
      };
    })
    .sort((a, b) => (a.closes < b.closes ? -1 : a.closes > b.closes ? 1 : 0));
}

function buildReview(
  repo: Repository,
  ideas: Idea[],
  decisions: Decision[],
  timelines: Map<string, Timeline>,
  refOf: (idea: Idea) => IdeaRef,
  votersOf: (id: string) => readonly CountedVote[],
  today: string,
  line: string[],
  dates: RecordDates,
): Report['review'] {
  const { threshold, stale_after_days: staleAfter } = repo.config.review;
  const lifecycle = repo.config.lifecycle;
  const reviewing = line[1];
  const waiting: WaitingIdea[] = [];
  for (const idea of ideas) {
    if (idea.kind !== 'idea') continue;
    const ref = refOf(idea);
    // Closed ideas wait for nothing; deferred ones wait on purpose.
    if (isClosed(lifecycle, ref.status) || ref.status === 'deferred') continue;
    const since = timelines.get(idea.id)?.at(-1)?.day ?? idea.created;
    const days = Math.max(0, daysBetween(since, today));
    waiting.push({
      ...ref,
      votes: votersOf(idea.id).length,
      waitingSince: since,
      waitingDays: days,
      stale: days > staleAfter,
    });
  }
  const oldestFirst = (a: WaitingIdea, b: WaitingIdea) =>
    b.waitingDays - a.waitingDays || (a.id < b.id ? -1 : 1);
  const queue = waiting
    .filter(
      (w) =>
        (w.status === lifecycle.initial && w.votes >= threshold) ||
        (reviewing !== undefined && w.status === reviewing),
    )
    .sort(oldestFirst);

  const reviewers = new Map<string, { decisions: number; openItems: number; last: string | null }>(
    repo.config.reviewers.map((r) => [r, { decisions: 0, openItems: 0, last: null }]),
  );
  const entry = (who: string) => {
    let e = reviewers.get(who);
    if (!e) reviewers.set(who, (e = { decisions: 0, openItems: 0, last: null }));
    return e;
  };
  for (const d of decisions)
    for (const who of d.reviewers) {
      const e = entry(who);
      e.decisions++;
      const day = dates.decision(d);
      if (e.last === null || day > e.last) e.last = day;
    }
  for (const w of waiting) {
    const latest = repo.decisionsByIdea.get(w.id)?.at(-1);
    for (const who of latest?.reviewers ?? []) entry(who).openItems++;
  }
  return {
    threshold,
    staleAfterDays: staleAfter,
    queue,
    stale: waiting.filter((w) => w.stale).sort(oldestFirst),
    reviewers: [...reviewers]
      .map(([reviewer, e]) => ({
        reviewer,
        decisions: e.decisions,
        openItems: e.openItems,
        lastDecision: e.last,
      }))
      .sort((a, b) => b.decisions - a.decisions || (a.reviewer < b.reviewer ? -1 : 1)),
  };
}

function buildShipped(
  ideas: Idea[],
  timelines: Map<string, Timeline>,
  refOf: (idea: Idea) => IdeaRef,
  votersOf: (id: string) => readonly CountedVote[],
  line: string[],
): Report['shipped'] {
  const last = line.at(-1);
  return ideas
    .filter((idea) => refOf(idea).status === last && idea.kind === 'idea')
    .map((idea) => {
      const voters = votersOf(idea.id);
      return {
        ...refOf(idea),
        shipped: timelines.get(idea.id)?.at(-1)?.day ?? idea.created,
        authors: [...idea.authors].sort(),
        voters: voters.map((v) => v.voter).sort(),
        customers: [...new Set(voters.flatMap((v) => v.customers))].sort(),
      };
    })
    .sort((a, b) =>
      a.shipped > b.shipped ? -1 : a.shipped < b.shipped ? 1 : a.id < b.id ? -1 : 1,
    );
}

/**
 * Every figure of `ideas report`, computed from a Repository and the dates git gave: no I/O,
 * no clock (today comes in), no forge (links are the formats' and come from the edge). The returned value IS the `--format json` output (README "Report
 * JSON"). Each section has its module; the domain values they share are computed once here:
 * the scope (model/scope.ts), record dates, support, the review queue, and the totals.
 */
import { statusOf } from '../model/lifecycle.js';
import { resolveDates } from '../model/record-dates.js';
import type { Repository } from '../model/repository.js';
import { reviewQueue } from '../model/review-queue.js';
import { ideasInScope } from '../model/scope.js';
import { countSupport, type CountedVote } from '../model/support.js';
import { ideaTeam, personTeam, teamAndBelow, teamTree } from '../model/teams.js';
import { countTotals } from '../model/totals.js';
import type { Idea } from '../model/types.js';
import { JSON_SCHEMA } from '../format/json-schema-version.js';
import { rankIdeas } from '../rank/rank.js';
import { buildFunnel, type Timeline } from './funnel.js';
import { buildLatency } from './latency.js';
import { buildParticipation } from './participation.js';
import { buildPeople } from './people.js';
import { personNames } from './person-names.js';
import { buildPeriod, buildRising, countedVoteDays, periodWindows } from './period.js';
import { buildCustomers } from './demand.js';
import { buildRoadmap } from './roadmap.js';
import type { IdeaRef, Report, ReportOptions } from './report-types.js';
import { buildReview } from './review.js';
import { buildCampaigns, buildDelivered, buildThemes } from './rollups.js';
import { buildTrends } from './trends.js';

export type * from './report-types.js';

export function buildReport(repo: Repository, options: ReportOptions): Report {
  const { today, since } = options;
  const config = repo.config;
  const lifecycle = config.lifecycle;
  const dates = resolveDates(repo, options.history);
  // One name per person, whatever the case it is written in (person-names.ts).
  const name = personNames(config);

  // Asked once per vote in several places: remember each person's team.
  const teamOfPerson = new Map<string, string | undefined>();
  const personTeamCached = (handle: string): string | undefined => {
    if (teamOfPerson.has(handle)) return teamOfPerson.get(handle);
    const team = personTeam(config, handle);
    teamOfPerson.set(handle, team);
    return team;
  };
  const teamOf = (idea: Idea): string | undefined => ideaTeam(config, idea);
  const teamFilter =
    options.team === undefined ? undefined : teamAndBelow(teamTree(config.teams), options.team);

  // The ideas in scope: filters apply to ideas; their votes and decisions follow them. The
  // period, rising ideas, quiet people and the roadmap look past --since's cut of ideas (the
  // period is --since's), so they start from the team and campaign scope alone.
  const scoped = ideasInScope(repo, { team: options.team, campaign: options.campaign }, dates);
  const active = (day: string) => since === undefined || day >= since;
  const ideas = scoped.filter((idea) => active(dates.arrival(idea)));
  const inScope = new Map(ideas.map((idea) => [idea.id, idea]));
  const scopedIds = new Set(scoped.map((idea) => idea.id));
  const scopedVotes = repo.votes.filter((v) => scopedIds.has(v.idea));
  const recentVotes = repo.votes.filter((v) => inScope.has(v.idea) && active(dates.vote(v)));
  const recentDecisions = repo.decisions.filter(
    (d) => inScope.has(d.idea) && active(dates.decision(d)),
  );

  const status = new Map(ideas.map((idea) => [idea.id, statusOf(repo, idea.id)]));
  const refOf = (idea: Idea): IdeaRef => ({
    id: idea.id,
    title: idea.title,
    path: idea.path,
    status: status.get(idea.id) ?? statusOf(repo, idea.id),
    team: teamOf(idea) ?? null,
  });

  // The one support count (model/support.ts): successors and budgets applied, as rank does.
  const support = options.support ?? countSupport(repo);
  const votersOf = (id: string): readonly CountedVote[] => support.byIdea.get(id) ?? [];

  // Themes group ideas; they are not ideas in the funnel, the latency or the counts.
  const leaves = ideas.filter((idea) => idea.kind === 'idea');
  const scopedLeaves = scoped.filter((idea) => idea.kind === 'idea');
  const timelines = new Map<string, Timeline>(
    scopedLeaves.map((idea) => [
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
  const queue = reviewQueue(repo, support, dates, today, ideas);
  const totals = countTotals(repo, ideas);
  const windows = periodWindows(today, since);
  const voteDay = countedVoteDays(dates);
  const { stages, byTheme, byTeam } = buildRoadmap(repo, {
    today,
    dates,
    support,
    ideas: scoped,
  });

  const participation = buildParticipation(repo, ideas, recentVotes, dates, {
    personTeam: personTeamCached,
    ideaTeam: teamOf,
    teamFilter,
    since,
    name,
  });

  return {
    schema: JSON_SCHEMA,
    today,
    ref: options.ref ?? null,
    filters: {
      since: since ?? null,
      team: options.team ?? null,
      campaign: options.campaign ?? null,
    },
    dates: dates.source,
    lifecycle: {
      initial: lifecycle.initial,
      main: lifecycle.main,
      done: lifecycle.done,
      closed: lifecycle.closed,
      inReview: lifecycle.in_review,
    },
    totals: {
      ideas: totals.ideas,
      themes: totals.themes,
      delivered: totals.delivered,
      votes: recentVotes.length,
      decisions: recentDecisions.length,
      // The same people participation counts: one figure, computed there.
      authors: participation.authors,
      voters: participation.voters,
      customers: new Set(recentVotes.flatMap((v) => v.customers)).size,
    },
    funnel: buildFunnel(leaves, status, timelines, lifecycle),
    latency: buildLatency(timelines, lifecycle, today),
    participation,
    ...buildTrends(leaves, recentVotes, recentDecisions, dates, today, since),
    top: {
      model: config.ranking.model,
      ideas: rankIdeas(repo, { today, support })
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
    campaigns: buildCampaigns(repo, options, ideas, votersOf, name),
    review: buildReview(
      repo,
      queue,
      leaves,
      recentDecisions,
      timelines,
      refOf,
      votersOf,
      dates,
      today,
      name,
    ),
    delivered: buildDelivered(repo, leaves, timelines, refOf, votersOf),
    roadmap: { stages, byTheme, byTeam },
    people: buildPeople({
      recent: { ideas, votes: recentVotes },
      all: { ideas: scoped, votes: scopedVotes },
      dates,
      today,
      personTeam: personTeamCached,
      name,
    }),
    customers: buildCustomers(
      ideas,
      votersOf,
      since === undefined ? undefined : (v) => active(voteDay(v)),
      refOf,
      name,
    ),
    period: buildPeriod({
      windows,
      leaves: scopedLeaves,
      votes: scopedVotes,
      decisions: repo.decisions.filter((d) => scopedIds.has(d.idea)),
      timelines,
      dates,
      lifecycle,
      name,
    }),
    rising: buildRising({
      windows,
      leaves: scopedLeaves,
      votersOf,
      dayOf: voteDay,
      refOf,
      lifecycle,
      limit: options.top ?? 10,
    }),
  };
}

/**
 * The road ahead: open ideas past review, by stage of the main line, with their theme, team,
 * authors and support, the day each entered its stage and how long it has stood there. Pure:
 * the record dates come in (git history with the front-matter fallback, as for the report).
 */
import { isClosed, isDone, statusOf } from '../model/lifecycle.js';
import type { Repository } from '../model/repository.js';
import { daysBetween, type RecordDates } from '../model/record-dates.js';
import type { Support } from '../model/support.js';
import type { Idea } from '../model/types.js';

export interface RoadmapIdea {
  id: string;
  title: string;
  path: string;
  status: string;
  team: string | null;
  theme: { id: string; title: string } | null;
  authors: string[];
  votes: number;
  points: number;
  /** The day the decision that put it in this stage landed. */
  since: string;
  days: number;
}

export interface RoadmapStage {
  status: string;
  ideas: RoadmapIdea[];
}

export interface Roadmap {
  today: string;
  stages: RoadmapStage[];
  /** How many ideas stand in each theme and team across the stages: where the work goes. */
  byTheme: { id: string | null; title: string | null; ideas: number }[];
  byTeam: { team: string | null; ideas: number }[];
}

/**
 * The main line's statuses after review (the initial status and `lifecycle.in_review`) that
 * are neither delivered nor closed: what has been decided on and is being worked.
 */
export function roadmapStages(lifecycle: Repository['config']['lifecycle']): string[] {
  const main = lifecycle.main;
  const lastReview = Math.max(
    main.indexOf(lifecycle.initial),
    ...lifecycle.in_review.map((s) => main.indexOf(s)),
  );
  return main.slice(lastReview + 1).filter((s) => !isDone(lifecycle, s) && !isClosed(lifecycle, s));
}

export function buildRoadmap(
  repo: Repository,
  options: {
    today: string;
    dates: RecordDates;
    support: Support;
    /** The ideas to place (the report's team and campaign scope); default every idea. */
    ideas?: Iterable<Idea>;
  },
): Roadmap {
  const support = options.support.byIdea;
  const stages = new Map(roadmapStages(repo.config.lifecycle).map((s) => [s, [] as RoadmapIdea[]]));
  for (const idea of options.ideas ?? repo.ideasById.values()) {
    const status = statusOf(repo, idea.id);
    const stage = stages.get(status);
    if (!stage) continue;
    const entered = repo.decisionsByIdea.get(idea.id)?.at(-1);
    const since = entered ? options.dates.decision(entered) : options.dates.arrival(idea);
    const counted = support.get(idea.id) ?? [];
    const parent = idea.parent ? repo.ideasById.get(idea.parent) : undefined;
    stage.push({
      id: idea.id,
      title: idea.title,
      path: idea.path,
      status,
      team: idea.team ?? null,
      theme: parent ? { id: parent.id, title: parent.title } : null,
      authors: idea.authors,
      votes: counted.length,
      points: counted.reduce((sum, v) => sum + v.points, 0),
      since,
      days: Math.max(0, daysBetween(since, options.today)),
    });
  }
  const result: RoadmapStage[] = [];
  for (const [status, ideas] of stages) {
    // Longest in the stage first: what a lead asks about.
    ideas.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.id < b.id ? -1 : 1));
    result.push({ status, ideas });
  }
  const all = result.flatMap((s) => s.ideas);
  const count = <K>(key: (i: RoadmapIdea) => K) => {
    const counts = new Map<K, number>();
    for (const i of all) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
    return counts;
  };
  const themes = count((i) => i.theme?.id ?? null);
  const teams = count((i) => i.team);
  return {
    today: options.today,
    stages: result,
    byTheme: [...themes]
      .map(([id, ideas]) => ({
        id,
        title: id === null ? null : (repo.ideasById.get(id)?.title ?? id),
        ideas,
      }))
      .sort((a, b) => b.ideas - a.ideas || String(a.id).localeCompare(String(b.id))),
    byTeam: [...teams]
      .map(([team, ideas]) => ({ team, ideas }))
      .sort((a, b) => b.ideas - a.ideas || String(a.team).localeCompare(String(b.team))),
  };
}

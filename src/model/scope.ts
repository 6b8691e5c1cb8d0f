/**
 * The ideas a read command looks at under `--team`, `--campaign` and `--since`: one selection
 * for the queue and the report, so their lists agree. Votes and decisions follow their idea.
 */
import type { RecordDates } from './record-dates.js';
import type { Repository } from './repository.js';
import { ideaTeam, teamAndBelow, teamTree } from './teams.js';
import type { Idea } from './types.js';

export interface Scope {
  /** This team and every team under it (model/teams.ts `ideaTeam` decides an idea's team). */
  team?: string | undefined;
  campaign?: string | undefined;
  /** Ideas that arrived on or after this day (record dates). */
  since?: string | undefined;
}

export function ideasInScope(repo: Repository, scope: Scope, dates: RecordDates): Idea[] {
  const teams =
    scope.team === undefined ? undefined : teamAndBelow(teamTree(repo.config.teams), scope.team);
  const ideas: Idea[] = [];
  for (const idea of repo.ideasById.values()) {
    if (scope.campaign !== undefined && idea.campaign !== scope.campaign) continue;
    if (teams && !teams.has(ideaTeam(repo.config, idea) ?? '')) continue;
    if (scope.since !== undefined && dates.arrival(idea) < scope.since) continue;
    ideas.push(idea);
  }
  return ideas;
}

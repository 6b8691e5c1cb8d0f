/**
 * The team hierarchy of the config, built once: parents, children, descendants, and the team an
 * idea belongs to. Everything here is linear in the number of teams, since a config may hold a
 * deep chain (an organisation of 35,000 teams is not unusual for a generated one).
 */
import type { Config } from '../schema/config.js';
import { configuredHandle } from './people.js';
import type { Idea } from './types.js';

export interface TeamTree {
  /** Each team's parent, as the config gives it (teams only named in files have none). */
  parentOf: ReadonlyMap<string, string | undefined>;
  /** Each team's direct sub-teams, sorted; the top-level teams under `undefined`. */
  children: ReadonlyMap<string | undefined, readonly string[]>;
}

export function teamTree(
  teams: Config['teams'] | ReadonlyMap<string, string | undefined>,
): TeamTree {
  const parentOf = new Map<string, string | undefined>(
    teams instanceof Map
      ? teams
      : Object.entries(teams as Config['teams']).map(([name, team]) => [name, team.parent]),
  );
  const children = new Map<string | undefined, string[]>();
  for (const [name, parent] of parentOf) {
    // A parent the config does not know leaves the team at the top (the config check says so).
    const under = parent !== undefined && parentOf.has(parent) ? parent : undefined;
    const list = children.get(under);
    if (list) list.push(name);
    else children.set(under, [name]);
  }
  for (const list of children.values()) list.sort();
  return { parentOf, children };
}

/** The team and every team under it: one walk down the tree, each team visited once. */
export function teamAndBelow(tree: TeamTree, team: string): Set<string> {
  const found = new Set([team]);
  for (const stack = [team]; stack.length > 0;) {
    const at = stack.pop();
    for (const child of tree.children.get(at) ?? []) {
      if (found.has(child)) continue;
      found.add(child);
      stack.push(child);
    }
  }
  return found;
}

/**
 * The team an idea counts for: its own `team`, else the team of its first author that `people`
 * gives one. Ranking filters, listings and the report all use this one answer.
 */
export function ideaTeam(config: Pick<Config, 'people'>, idea: Idea): string | undefined {
  if (idea.team !== undefined) return idea.team;
  for (const author of idea.authors) {
    const team = personTeam(config, author);
    if (team !== undefined) return team;
  }
  return undefined;
}

/** The team `people` gives a handle, if any: `Bob` is the person bob, as logins ignore case. */
export function personTeam(config: Pick<Config, 'people'>, handle: string): string | undefined {
  const person = configuredHandle(config.people, handle);
  return person === undefined ? undefined : config.people[person]?.team;
}

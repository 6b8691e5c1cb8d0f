/**
 * One name per person in the report. Forge logins ignore case (model/people.ts handleKey), so a
 * vote as "Bob" and one as "bob" are one voter: every distinct-people figure and every list of
 * people in the report goes through the one PersonName a report makes.
 */
import { handleKey } from '../model/people.js';
import type { Config } from '../schema/config.js';

/** The name a handle is shown and counted under. */
export type PersonName = (handle: string) => string;

/**
 * The spelling under `people` or `reviewers` when the config has one, else the first spelling
 * the report meets (records come in path order, so the same input gives the same name).
 */
export function personNames(config: Pick<Config, 'people' | 'reviewers'>): PersonName {
  const names = new Map<string, string>();
  for (const handle of [...Object.keys(config.people), ...config.reviewers])
    if (!names.has(handleKey(handle))) names.set(handleKey(handle), handle);
  return (handle) => {
    const key = handleKey(handle);
    const known = names.get(key);
    if (known !== undefined) return known;
    names.set(key, handle);
    return handle;
  };
}

/** How many people these handles are. */
export function countPeople(handles: Iterable<string>, name: PersonName): number {
  const people = new Set<string>();
  for (const handle of handles) people.add(name(handle));
  return people.size;
}

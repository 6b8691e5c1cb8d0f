/** An idea's reference with a section's own fields after it, as the report's lists print it. */
import type { IdeaRef } from './report-types.js';

/**
 * `{ ...ref, ...fields }` with the same keys in the same order, built without object spread:
 * V8 gives a spread copy extended with more keys a separate property store, 3 to 4 times the
 * size of a plain object (472 against 136 bytes measured, Node 20), and the report's lists
 * hold one per idea (100,000 at the largest size measured).
 */
export function refWith<T extends object>(ref: IdeaRef, fields: T): IdeaRef & T {
  const copy: IdeaRef = {
    id: ref.id,
    title: ref.title,
    path: ref.path,
    status: ref.status,
    team: ref.team,
  };
  return Object.assign(copy, fields);
}

/** Who a git email is: the person `people` maps it to, or a handle made from its local part. */
import type { Config } from '../schema/config.js';
import { HANDLE_PATTERN } from '../schema/patterns.js';

/** A handle as compared: forge logins (GitHub, GitLab) ignore case, so bob and Bob are one person. */
export function handleKey(handle: string): string {
  return handle.toLowerCase();
}

export function sameHandle(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && handleKey(a) === handleKey(b);
}

/** The handles under `people`, as handleKey gives them: `known.has(handleKey(name))`. */
export function knownHandles(people: Config['people']): Set<string> {
  return new Set(Object.keys(people).map(handleKey));
}

const byKey = new WeakMap<Config['people'], Map<string, string>>();

/**
 * The handle as written under `people` for this one in any case (`Bob` -> `bob`), if any. When
 * the config spells one person twice, the first spelling is the person, whatever spelling a
 * record uses, as the report names them (report/person-names.ts): never two teams for one person.
 */
export function configuredHandle(people: Config['people'], handle: string): string | undefined {
  let handles = byKey.get(people);
  if (!handles) {
    handles = new Map();
    for (const name of Object.keys(people))
      if (!handles.has(handleKey(name))) handles.set(handleKey(name), name);
    byKey.set(people, handles);
  }
  return handles.get(handleKey(handle));
}

/** The handle under `people` whose emails include this one (case-insensitive), if any. */
export function handleOfEmail(people: Config['people'], email: string): string | undefined {
  const wanted = email.toLowerCase();
  for (const [handle, person] of Object.entries(people))
    if (person.emails.some((e) => e.toLowerCase() === wanted)) return handle;
  return undefined;
}

/** `alice@example.com` -> `alice`, when the local part makes a handle; undefined otherwise. */
export function handleFromEmail(email: string): string | undefined {
  const local = (email.split('@')[0] ?? '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '');
  return HANDLE_PATTERN.test(local) ? local : undefined;
}

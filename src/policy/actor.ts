/** Who is acting on a pull request, and where that was learnt: a flag, the CI's environment, or the commits. */
import { UsageError } from '../errors.js';
import { handleOfEmail } from '../model/people.js';
import type { Config } from '../schema/config.js';
import type { Acting } from './types.js';

export interface ActorSource {
  /** One handle for every change, or undefined when each path's commit authors act. */
  handle: string | undefined;
  /** `--actor`, `GITHUB_ACTOR`, `GITLAB_USER_LOGIN` or `commit authors`. */
  source: string;
}

/** `--actor`, else the forge's variable, else (undefined handle) the commit authors. */
export function chooseActor(
  flag: string | undefined,
  env: Record<string, string | undefined>,
): ActorSource {
  // An explicit empty --actor is a mistake (an unset CI variable), not a request for the default.
  if (flag === '')
    throw new UsageError(
      '--actor is empty',
      'pass a handle such as --actor alice, or leave --actor out to use GITHUB_ACTOR or the commit authors',
    );
  if (flag !== undefined) return { handle: flag, source: '--actor' };
  for (const name of ['GITHUB_ACTOR', 'GITLAB_USER_LOGIN']) {
    const value = env[name];
    if (value !== undefined && value !== '') return { handle: value, source: name };
  }
  return { handle: undefined, source: 'commit authors' };
}

/** A commit email as the person the config's `people` gives it to, or an unknown actor. */
export function personOfEmail(config: Config, email: string): Acting {
  const handle = handleOfEmail(config.people, email);
  if (handle !== undefined) return { handle, label: handle };
  return { handle: undefined, label: `${email} (an email not listed under people in the config)` };
}

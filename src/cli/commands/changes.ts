/** `ideas changes`: the repository at the start and at the end of a window, compared. */
import { ExitCode, UsageError } from '../../errors.js';
import { formatChanges } from '../../format/changes.js';
import { changesBetween } from '../../history/changes.js';
import { HANDLE_PATTERN } from '../../schema/common.js';
import { readStatesBetween } from '../window.js';
import { startProgress } from '../progress.js';
import type { CommandHandler } from '../spec.js';
import type { ReadFlags } from '../options.js';
import type { CHANGES_FORMATS } from '../../format/changes.js';
export interface ChangesOptions extends ReadFlags {
  since: string | undefined;
  until: string | undefined;
  for: string | undefined;
  voters: boolean;
  format: (typeof CHANGES_FORMATS)[number];
}

export const run: CommandHandler<ChangesOptions> = async (ctx, _args, options) => {
  const forHandle = options.for;
  if (forHandle !== undefined && !HANDLE_PATTERN.test(forHandle))
    throw new UsageError(`--for "${forHandle}" is not a handle`, 'e.g. --for alice');
  const progress = startProgress(ctx);
  progress.phase('reading both ends of the window');
  const window = await readStatesBetween(ctx, options, 7);
  progress.done();
  const changes = changesBetween(window.before, window.after, {
    since: window.since,
    until: window.until,
    forHandle,
    withVoters: options.voters,
  });
  ctx.out(formatChanges(options.format, changes, { color: ctx.color }));
  return ExitCode.ok;
};

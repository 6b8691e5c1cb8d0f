/**
 * The two states a window compares, read at two commits of the branch's first-parent line:
 * `--since` (default: some days before today) and `--until` (default: the tip).
 */
import { UsageError } from '../errors.js';
import type { State, WindowEdge } from '../history/changes.js';
import { readFileHistory } from '../git/file-history.js';
import { historyKeys, resolveDates } from '../model/record-dates.js';
import { parseMoment, previousDay, resolveMoment } from '../git/point-in-time.js';
import { readRepository } from '../read/repository.js';
import type { Context } from './context.js';
import { rootOf } from './repository.js';
import type { ReadFlags } from './options.js';

export interface WindowStates {
  before: State | undefined;
  after: State;
  since: WindowEdge;
  until: WindowEdge;
}

export async function readStatesBetween(
  ctx: Context,
  options: ReadFlags & { since: string | undefined; until: string | undefined },
  defaultDays: number | undefined,
): Promise<WindowStates> {
  const root = rootOf(ctx, options);
  const git = ctx.git(root);
  const tip = options.ref ?? 'HEAD';
  const sinceText = options.since;
  // `--at` on a window is where it ends, as `--until` says it.
  const untilText = options.until ?? options.at;
  let sinceDefault: string | undefined;
  if (sinceText === undefined && defaultDays !== undefined) {
    let day = ctx.today;
    for (let i = 0; i < defaultDays; i++) day = previousDay(day);
    sinceDefault = day;
  }
  const untilPoint =
    untilText === undefined
      ? resolveMoment(git, { kind: 'ref', ref: tip }, tip, 'end')
      : resolveMoment(git, parseMoment(untilText, '--until'), tip, 'end');
  const sinceGiven = sinceText ?? sinceDefault;
  const sincePoint =
    sinceGiven === undefined
      ? { commit: null, day: '0000-01-01' }
      : resolveMoment(git, parseMoment(sinceGiven, '--since'), untilPoint.commit ?? tip, 'start');
  const read = async (commit: string): Promise<State> => {
    const { repo } = await readRepository({
      root,
      ref: commit,
      env: ctx.env,
      cache: options.cache,
    });
    return { repo, dates: resolveDates(repo, readFileHistory(git, commit, historyKeys(repo))) };
  };
  // One after the other, not side by side: each read's garbage is then collected while the
  // next runs, instead of both peaking at once. A window inside one commit (nothing landed in
  // it) reads that commit once: both ends are the same state.
  const after = untilPoint.commit === null ? undefined : await read(untilPoint.commit);
  const before =
    sincePoint.commit === null
      ? undefined
      : sincePoint.commit === untilPoint.commit && after !== undefined
        ? after
        : await read(sincePoint.commit);
  if (!after) {
    // The window ends before the first commit: nothing had happened yet.
    throw new UsageError(
      `there is no commit on ${tip} by ${untilText ?? 'now'}`,
      'pass a later --until',
    );
  }
  return {
    before,
    after,
    since: {
      given: sinceText ?? sinceDefault ?? null,
      commit: sincePoint.commit,
      day: sincePoint.day,
    },
    until: {
      given: untilText ?? null,
      commit: untilPoint.commit,
      day: untilText === undefined ? ctx.today : untilPoint.day,
    },
  };
}

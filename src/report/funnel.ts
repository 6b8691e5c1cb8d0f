/**
 * The funnel along `lifecycle.main`: how many ideas are in each stage now, how many ever got
 * that far, and where they left the line. Themes group ideas and are not in it.
 */
import { isDone, type Lifecycle } from '../model/lifecycle.js';
import type { Idea } from '../model/types.js';
import type { Report } from './report-types.js';
import { shareOf } from './stats.js';

/** An idea's history: its arrival in the initial status, then each decision, dated. */
export type Timeline = { status: string; day: string }[];

export function buildFunnel(
  leaves: readonly Idea[],
  status: ReadonlyMap<string, string>,
  timelines: ReadonlyMap<string, Timeline>,
  lifecycle: Lifecycle,
): Report['funnel'] {
  const line = lifecycle.main;
  const reached = line.map(() => 0);
  const exits = line.map(() => new Map<string, number>());
  const current = new Map<string, number>();
  let delivered = 0;
  for (const idea of leaves) {
    const now = status.get(idea.id) ?? lifecycle.initial;
    current.set(now, (current.get(now) ?? 0) + 1);
    const steps = timelines.get(idea.id) ?? [];
    let furthest = 0;
    steps.forEach((step, index) => {
      const at = line.indexOf(step.status);
      if (at > furthest) furthest = at;
      const next = steps[index + 1];
      if (at !== -1 && next && !line.includes(next.status)) {
        const stage = exits[at];
        if (stage) stage.set(next.status, (stage.get(next.status) ?? 0) + 1);
      }
    });
    for (let k = 0; k <= furthest; k++) reached[k] = (reached[k] ?? 0) + 1;
    if (steps.some((step) => isDone(lifecycle, step.status))) delivered++;
  }
  const stages = line.map((name, k) => {
    const here = reached[k] ?? 0;
    const next = reached[k + 1];
    return {
      status: name,
      current: current.get(name) ?? 0,
      reached: here,
      conversion: next === undefined ? null : shareOf(next, here),
      exits: Object.fromEntries([...(exits[k] ?? new Map<string, number>())].sort()),
      done: isDone(lifecycle, name),
    };
  });
  const side = Object.keys(lifecycle.transitions).filter((s) => !line.includes(s));
  return {
    stages,
    exits: side.map((s) => ({ status: s, current: current.get(s) ?? 0 })),
    overall: shareOf(delivered, leaves.length),
  };
}

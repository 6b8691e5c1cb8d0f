/**
 * Decision latency, end to end and per stage: arrival to the first decision, to each main-line
 * stage and to delivery (median, p90), and the ideas still without a decision counted apart,
 * with how long they have waited, so a short median cannot hide a long queue.
 */
import { isDone, type Lifecycle } from '../model/lifecycle.js';
import type { Timeline } from './funnel.js';
import type { Report } from './report-types.js';
import { daysBetween, spreadOf } from './stats.js';

const LATENCY_BUCKETS: { label: string; min: number; max: number | null }[] = [
  { label: '0–7 days', min: 0, max: 7 },
  { label: '8–14 days', min: 8, max: 14 },
  { label: '15–30 days', min: 15, max: 30 },
  { label: '31–60 days', min: 31, max: 60 },
  { label: '61–90 days', min: 61, max: 90 },
  { label: 'over 90 days', min: 91, max: null },
];

export function buildLatency(
  timelines: ReadonlyMap<string, Timeline>,
  lifecycle: Lifecycle,
  today: string,
): Report['latency'] {
  const line = lifecycle.main;
  const first: number[] = [];
  const waiting: number[] = [];
  const toStage = new Map<string, number[]>(line.slice(1).map((status) => [status, []]));
  const toDone: number[] = [];
  const perStage = new Map<string, number[]>();
  // Git dates can put two decisions merged the same week out of file order: never negative.
  const days = (from: string, to: string) => Math.max(0, daysBetween(from, to));
  for (const steps of timelines.values()) {
    const [arrival, decision] = steps;
    if (!arrival) continue;
    if (decision) first.push(days(arrival.day, decision.day));
    else waiting.push(days(arrival.day, today));
    const seen = new Set<string>();
    let delivered = false;
    for (const step of steps.slice(1)) {
      if (!seen.has(step.status)) {
        seen.add(step.status);
        toStage.get(step.status)?.push(days(arrival.day, step.day));
      }
      if (!delivered && isDone(lifecycle, step.status)) {
        delivered = true;
        toDone.push(days(arrival.day, step.day));
      }
    }
    for (let i = 0; i + 1 < steps.length; i++) {
      const here = steps[i];
      const next = steps[i + 1];
      if (!here || !next) continue;
      const list = perStage.get(here.status) ?? [];
      list.push(days(here.day, next.day));
      perStage.set(here.status, list);
    }
  }
  const order = (status: string) => {
    const at = line.indexOf(status);
    return at === -1 ? line.length : at;
  };
  return {
    firstDecision: spreadOf(first),
    undecided: {
      ...spreadOf(waiting),
      longest: waiting.length > 0 ? waiting.reduce((a, b) => Math.max(a, b), 0) : null,
    },
    distribution: LATENCY_BUCKETS.map((bucket) => ({
      ...bucket,
      count: first.filter((d) => d >= bucket.min && (bucket.max === null || d <= bucket.max))
        .length,
    })),
    toStage: [...toStage].map(([status, values]) => ({ status, ...spreadOf(values) })),
    toDone: spreadOf(toDone),
    stages: [...perStage]
      .sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : 1))
      .map(([status, values]) => ({ status, ...spreadOf(values) })),
  };
}

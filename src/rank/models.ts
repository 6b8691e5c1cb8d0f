/**
 * The scoring models (SPEC §7), each a pure function of an idea's estimates and counted votes.
 * A model either gives a score or says what it lacks; it never throws on missing input.
 */
import type { Estimates } from '../model/types.js';
import type { RankingModel } from '../schema/config.js';
import type { CountedVote } from '../model/support.js';

export interface ModelInput {
  estimates: Estimates;
  votes: readonly CountedVote[];
  /** YYYY-MM-DD: the day `hot` measures vote ages from. */
  today: string;
  halfLifeDays: number;
}

export type ModelResult = { score: number } | { score: null; missing: string };

export type Model = (input: ModelInput) => ModelResult;

/** z for a two-sided 95 % interval. */
export const WILSON_Z = 1.96;
const DAY_MS = 86_400_000;

/** Number of voters. */
export const scoreVotes: Model = ({ votes }) => ({ score: votes.length });

/** Sum of points. */
export const scoreWeighted: Model = ({ votes }) => ({
  score: votes.reduce((sum, vote) => sum + vote.points, 0),
});

/** The estimates each model reads (`ideas new` asks for these when the model is configured). */
export const MODEL_ESTIMATES = {
  rice: ['reach', 'impact', 'confidence', 'effort'],
  ice: ['impact', 'confidence', 'ease'],
  wsjf: ['value', 'time_criticality', 'risk_reduction', 'job_size'],
} as const satisfies Partial<Record<RankingModel, readonly (keyof Estimates)[]>>;

/** What `model` reads from an idea's estimates; none for the models that count votes. */
export function estimatesRead(model: RankingModel): readonly (keyof Estimates)[] {
  const table: Partial<Record<RankingModel, readonly (keyof Estimates)[]>> = MODEL_ESTIMATES;
  return table[model] ?? [];
}

/** reach × impact × confidence ÷ effort. */
export const scoreRice: Model = ({ estimates }) =>
  withEstimates(
    estimates,
    MODEL_ESTIMATES.rice,
    'effort',
    (e) => (e.reach * e.impact * e.confidence) / e.effort,
  );

/** impact × confidence × ease. */
export const scoreIce: Model = ({ estimates }) =>
  withEstimates(estimates, MODEL_ESTIMATES.ice, undefined, (e) => e.impact * e.confidence * e.ease);

/** (value + time_criticality + risk_reduction) ÷ job_size. */
export const scoreWsjf: Model = ({ estimates }) =>
  withEstimates(
    estimates,
    MODEL_ESTIMATES.wsjf,
    'job_size',
    (e) => (e.value + e.time_criticality + e.risk_reduction) / e.job_size,
  );

/** Lower bound of the Wilson score interval (z = 1.96) over up- and down-votes; 0 with no votes. */
export const scoreWilson: Model = ({ votes }) => {
  let up = 0;
  let down = 0;
  for (const vote of votes) {
    if (vote.points > 0) up++;
    else if (vote.points < 0) down++;
  }
  return { score: wilsonLowerBound(up, down) };
};

export function wilsonLowerBound(up: number, down: number, z = WILSON_Z): number {
  const n = up + down;
  if (n === 0) return 0;
  const p = up / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return (centre - spread) / (1 + z2 / n);
}

/** Σ points × 0.5^(age ÷ half-life), age in days from the vote's date to today (never below 0). */
export const scoreHot: Model = ({ votes, today, halfLifeDays }) => {
  const now = Date.parse(today);
  let score = 0;
  for (const vote of votes) {
    const age = Math.max(0, (now - Date.parse(vote.date)) / DAY_MS);
    score += vote.points * Math.pow(0.5, age / halfLifeDays);
  }
  return { score };
};

export const MODELS: Record<RankingModel, Model> = {
  votes: scoreVotes,
  weighted: scoreWeighted,
  rice: scoreRice,
  ice: scoreIce,
  wsjf: scoreWsjf,
  wilson: scoreWilson,
  hot: scoreHot,
};

type Key = keyof Estimates;

function withEstimates<K extends Key>(
  estimates: Estimates,
  keys: readonly K[],
  divisor: K | undefined,
  formula: (values: Record<K, number>) => number,
): ModelResult {
  const absent = keys.filter((key) => typeof estimates[key] !== 'number');
  if (absent.length > 0)
    return { score: null, missing: `no ${absent.map((key) => `estimates.${key}`).join(', ')}` };
  const values = estimates as Record<K, number>;
  if (divisor !== undefined && values[divisor] === 0)
    return { score: null, missing: `estimates.${divisor} is 0 (it divides the score)` };
  const score = formula(values);
  // Estimates like 1e308 ÷ 1e-300 overflow: say so rather than rank Infinity first.
  if (!Number.isFinite(score))
    return {
      score: null,
      missing: `the estimates give no finite score (${keys.map((k) => `${k} ${values[k]}`).join(', ')})`,
    };
  return { score };
}

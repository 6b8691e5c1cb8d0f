/**
 * The ranking models' names, on their own: command specs load at start-up and must not pull
 * in zod (SPEC §8's start-up bar), so they import this rather than the config schema.
 */
export const RANKING_MODELS = [
  'votes',
  'weighted',
  'rice',
  'ice',
  'wsjf',
  'wilson',
  'hot',
] as const;
export type RankingModel = (typeof RANKING_MODELS)[number];

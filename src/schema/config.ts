/** Schema of `ideas.config.yaml` (SPEC §3), with every default spelled out. */
import { z } from 'zod';
import { handle, isoDate, listOf } from './common.js';

import { RANKING_MODELS, type RankingModel } from './ranking-models.js';

export { RANKING_MODELS, type RankingModel };

export const DEFAULT_LIFECYCLE = {
  initial: 'proposed',
  transitions: {
    proposed: ['reviewing', 'rejected', 'deferred', 'duplicate', 'withdrawn'],
    reviewing: ['accepted', 'rejected', 'deferred', 'duplicate', 'withdrawn'],
    accepted: ['prototyping', 'rejected', 'deferred', 'duplicate', 'withdrawn'],
    prototyping: ['validated', 'rejected', 'deferred', 'duplicate', 'withdrawn'],
    validated: ['shipped'],
    deferred: ['reviewing'],
    shipped: [],
    rejected: [],
    duplicate: [],
    withdrawn: [],
  } as Record<string, string[]>,
  closed: ['shipped', 'rejected', 'duplicate', 'withdrawn'],
  rationale_required: ['rejected', 'deferred', 'duplicate'],
};

const teamSchema = z.object({ parent: handle.optional(), name: z.string().optional() });

const personSchema = z.object({
  name: z.string().optional(),
  emails: listOf(z.string().min(3)).default([]),
  team: handle.optional(),
});

const campaignSchema = z.object({
  question: z.string().min(1),
  opens: isoDate.optional(),
  closes: isoDate,
});

const lifecycleSchema = z.object({
  initial: z.string().default(DEFAULT_LIFECYCLE.initial),
  transitions: z.record(z.string(), z.array(z.string())),
  closed: z.array(z.string()).default(DEFAULT_LIFECYCLE.closed),
  rationale_required: z.array(z.string()).default(DEFAULT_LIFECYCLE.rationale_required),
});

export const configSchema = z
  .object({
    version: z.literal(1, { error: 'must be 1' }),
    teams: z
      .record(
        handle,
        teamSchema.nullable().transform((team) => team ?? {}),
      )
      .default({}),
    people: z.record(handle, personSchema).default({}),
    reviewers: listOf(handle).default([]),
    voting: z
      .object({
        mode: z.enum(['simple', 'budget', 'quadratic']).default('simple'),
        budget: z.number().int().positive().default(10),
        downvotes: z.boolean().default(false),
        self_votes: z.boolean().default(false),
      })
      .default({ mode: 'simple', budget: 10, downvotes: false, self_votes: false }),
    ranking: z
      .object({
        model: z.enum(RANKING_MODELS).default('votes'),
        half_life_days: z.number().positive().default(30),
      })
      .default({ model: 'votes', half_life_days: 30 }),
    review: z
      .object({
        criteria: z.array(z.string()).default([]),
        quorum: z.number().int().positive().default(1),
        threshold: z.number().int().nonnegative().default(5),
        stale_after_days: z.number().int().positive().default(30),
      })
      .default({ criteria: [], quorum: 1, threshold: 5, stale_after_days: 30 }),
    campaigns: z.record(handle, campaignSchema).default({}),
    lifecycle: lifecycleSchema.default(DEFAULT_LIFECYCLE),
    authoring: z
      .object({
        branch: z
          .boolean()
          .default(false)
          .describe('Make `--branch` the default of new, vote and review.'),
      })
      .default({ branch: false }),
  })
  .describe('ideas.config.yaml');

export type Config = z.output<typeof configSchema>;

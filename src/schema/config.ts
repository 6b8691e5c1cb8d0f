/** Schema of `ideas.config.yaml` (SPEC §3), with every default spelled out. */
import { z } from 'zod';
import { handle, isoDate, listOf } from './common.js';

import { RANKING_MODELS, type RankingModel } from './ranking-models.js';

export { RANKING_MODELS, type RankingModel };

/**
 * The default lifecycle (SPEC §2). The only place a status is named: every command reads the
 * statuses from the config's lifecycle (see model/lifecycle.ts), never from a literal.
 */
export const DEFAULT_LIFECYCLE = {
  initial: 'proposed',
  main: ['proposed', 'reviewing', 'accepted', 'prototyping', 'validated', 'shipped'],
  done: ['shipped'],
  successor: ['duplicate'],
  in_review: ['reviewing'],
  withdrawal: 'withdrawn' as string | null,
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

/** The range a review score of a criterion takes, both ends included. */
export interface Scale {
  min: number;
  max: number;
}

export const DEFAULT_SCALE: Scale = { min: 1, max: 5 };

/** A review criterion: a name (scored 1 to 5), or a name with its own range. */
const criterionSchema = z
  .union([
    z.string().min(1),
    z.object({
      name: z.string().min(1),
      min: z.number().default(DEFAULT_SCALE.min),
      max: z.number().default(DEFAULT_SCALE.max),
    }),
  ])
  .transform((criterion) =>
    typeof criterion === 'string' ? { name: criterion, ...DEFAULT_SCALE } : criterion,
  )
  .refine((criterion) => criterion.min < criterion.max, {
    error: 'needs min below max',
  });

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

const lifecycleSchema = z
  .object({
    initial: z.string().default(DEFAULT_LIFECYCLE.initial),
    main: z
      .array(z.string())
      .optional()
      .describe(
        "The main line, in order, from the initial status to delivery. Default: from the initial status, each status's first transition.",
      ),
    done: z
      .array(z.string())
      .optional()
      .describe('Statuses that count as delivered. Default: the last status of the main line.'),
    closed: z.array(z.string()).default(DEFAULT_LIFECYCLE.closed),
    rationale_required: z.array(z.string()).optional(),
    successor: z
      .array(z.string())
      .optional()
      .describe(
        'Statuses whose decision names a successor in duplicate_of; votes follow it. Default: [duplicate].',
      ),
    in_review: z
      .array(z.string())
      .optional()
      .describe(
        'Statuses in review: ideas in them wait in the review queue whatever their votes. Default: [reviewing] when the lifecycle has it.',
      ),
    withdrawal: z
      .string()
      .nullable()
      .optional()
      .describe(
        "The status an idea's own author may record. Default: withdrawn when the lifecycle has it.",
      ),
    transitions: z.record(z.string(), z.array(z.string())),
  })
  .transform((lifecycle) => {
    // A default names statuses of the default lifecycle: keep those this lifecycle has.
    const known = (status: string) => Object.hasOwn(lifecycle.transitions, status);
    const main = lifecycle.main ?? inferMainLine(lifecycle.initial, lifecycle.transitions);
    const fallback = DEFAULT_LIFECYCLE.withdrawal;
    return {
      ...lifecycle,
      main,
      done: lifecycle.done ?? main.slice(-1),
      rationale_required:
        lifecycle.rationale_required ?? DEFAULT_LIFECYCLE.rationale_required.filter(known),
      successor: lifecycle.successor ?? DEFAULT_LIFECYCLE.successor.filter(known),
      in_review: lifecycle.in_review ?? DEFAULT_LIFECYCLE.in_review.filter(known),
      withdrawal:
        lifecycle.withdrawal !== undefined
          ? lifecycle.withdrawal
          : fallback !== null && known(fallback)
            ? fallback
            : null,
    };
  });

/** From the initial status, each status's first transition: the main line a config without `main` gets. */
export function inferMainLine(initial: string, transitions: Record<string, string[]>): string[] {
  const line = [initial];
  for (;;) {
    const next = transitions[line.at(-1) ?? '']?.[0];
    if (next === undefined || line.includes(next)) return line;
    line.push(next);
  }
}

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
        criteria: z.array(criterionSchema).default([]),
        quorum: z.number().int().positive().default(1),
        threshold: z.number().int().nonnegative().default(5),
        stale_after_days: z.number().int().positive().default(30),
      })
      .transform(({ criteria, ...rest }) => ({
        ...rest,
        // `criteria` stays the list of names every caller reads; `scales` adds their ranges.
        criteria: criteria.map((criterion) => criterion.name),
        scales: Object.fromEntries(
          criteria.map(({ name, min, max }) => [name, { min, max }]),
        ) as Record<string, Scale>,
      }))
      .default({ criteria: [], scales: {}, quorum: 1, threshold: 5, stale_after_days: 30 }),
    campaigns: z.record(handle, campaignSchema).default({}),
    // prefault: the default goes through the schema, so it gets the same resolved shape.
    lifecycle: lifecycleSchema.prefault(DEFAULT_LIFECYCLE),
    authoring: z
      .object({
        branch: z
          .boolean()
          .default(false)
          .describe('Make `--branch` the default of new, vote and review.'),
      })
      .default({ branch: false }),
    index: z
      .object({
        auto: z
          .boolean()
          .default(true)
          .describe('Let CI regenerate IDEAS.md on the default branch after each merge.'),
      })
      .default({ auto: true }),
  })
  .describe('ideas.config.yaml');

export type Config = z.output<typeof configSchema>;

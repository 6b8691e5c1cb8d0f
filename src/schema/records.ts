/** Schemas of the front matter of ideas, votes and decisions (SPEC §2). */
import { z } from 'zod';
import { handle, ideaId, isoDate, listOf, normaliseTag, plainText } from './common.js';
import { nameFieldsOf, shortName, type NameFields } from './short-names.js';

const nonNegative = z
  .number({ error: 'must be a number' })
  .nonnegative({ error: 'must be 0 or more' });

export const estimatesSchema = z
  .object({
    reach: nonNegative.optional(),
    impact: nonNegative.optional(),
    confidence: nonNegative.max(1, { error: 'is a fraction from 0 to 1' }).optional(),
    effort: nonNegative.optional(),
    ease: nonNegative.optional(),
    value: nonNegative.optional(),
    time_criticality: nonNegative.optional(),
    risk_reduction: nonNegative.optional(),
    job_size: nonNegative.optional(),
  })
  .describe('Inputs to the ranking models: RICE, ICE and WSJF.');

export const ideaSchema = z
  .object({
    id: ideaId.describe('Short id, unique in the repository; the file name starts with it.'),
    title: z
      .string({ error: 'must be text' })
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(200, {
        error: 'is longer than 200 characters: keep the title short; the detail goes in the body',
      }),
    authors: listOf(handle).pipe(
      z.array(handle).min(1, { error: 'must name at least one author' }),
    ),
    team: handle.optional(),
    created: isoDate,
    tags: listOf(shortName(plainText(40).transform(normaliseTag))).default([]),
    kind: shortName(z.enum(['idea', 'theme'])).default('idea'),
    parent: ideaId.optional().describe('The theme this idea serves.'),
    campaign: handle.optional().describe('The campaign this idea answers.'),
    estimates: estimatesSchema.default({}),
    source: z
      .string({ error: 'must be text' })
      .min(1)
      .max(300)
      .optional()
      .describe('Where an imported idea came from, e.g. github:acme/shop#123.'),
  })
  .describe('Front matter of ideas/<id>-<slug>.md');

export const voteSchema = z
  .object({
    idea: ideaId,
    voter: handle,
    points: z
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .default(1),
    date: isoDate,
    customers: listOf(shortName(plainText(80))).default([]),
    recorded_by: handle.optional().describe('The reviewer who recorded this vote for the voter.'),
  })
  .describe('Front matter of votes/<id>/<voter>.md');

export const decisionSchema = z
  .object({
    idea: ideaId,
    status: shortName(z.string().regex(/^[a-z][a-z-]*$/, { error: 'must be a lifecycle status' })),
    date: isoDate,
    reviewers: listOf(handle).pipe(
      z.array(handle).min(1, { error: 'must name at least one reviewer' }),
    ),
    duplicate_of: ideaId.nullish(),
    scores: z.record(z.string(), z.number({ error: 'must be a number' })).default({}),
    implemented_by: listOf(z.string().min(1).max(500))
      .default([])
      .describe('What delivered it: pull-request or commit URLs, commit ids, tags.'),
  })
  .describe('Front matter of decisions/<id>/<date>-<status>.md');

export type IdeaFields = z.output<typeof ideaSchema>;
export type VoteFields = z.output<typeof voteSchema>;
export type DecisionFields = z.output<typeof decisionSchema>;

export const recordSchemas = {
  idea: ideaSchema,
  vote: voteSchema,
  decision: decisionSchema,
} as const;

/** Each kind's fields of short names (ids, handles, dates, statuses, tags), from its schema. */
export const recordNameFields: Record<keyof typeof recordSchemas, NameFields> = {
  idea: nameFieldsOf(ideaSchema.shape),
  vote: nameFieldsOf(voteSchema.shape),
  decision: nameFieldsOf(decisionSchema.shape),
};

/** JSON Schemas generated from the zod schemas, shipped in schemas/ for editors and other tools. */
import { z } from 'zod';
import { configSchema } from './config.js';
import { decisionSchema, ideaSchema, voteSchema } from './records.js';

export function jsonSchemas(): Record<string, unknown> {
  const emit = (schema: z.ZodType, id: string, title: string) => ({
    $id: `https://ideas.invalid/schemas/${id}.schema.json`,
    title,
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
  });
  return {
    idea: emit(ideaSchema, 'idea', 'Front matter of an idea (ideas/<id>-<slug>.md)'),
    vote: emit(voteSchema, 'vote', 'Front matter of a vote (votes/<id>/<voter>.md)'),
    decision: emit(
      decisionSchema,
      'decision',
      'Front matter of a decision (decisions/<id>/<date>-<status>.md)',
    ),
    config: emit(configSchema, 'config', 'ideas.config.yaml'),
  };
}

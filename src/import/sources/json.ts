/** `ideas export` read back: ids, votes and decisions as they were, nothing re-derived. */
import { UsageError } from '../../errors.js';
import { EXPORT_SCHEMA, type ExportDocument } from '../../export/export.js';
import type { ParsedSource } from '../types.js';
import { z } from 'zod';
import { sanitizeLine } from '../../format/sanitize.js';
import { findProtoKey, jsonPath } from '../../parse/json-keys.js';

const text = z.string();
const texts = z.array(z.string());
const numbers = z.record(z.string(), z.number());
const maybe = (type: z.ZodType) => type.nullable().optional();

/** The fields this reader takes from each idea, vote and decision; the plan checks their values. */
const exportedIdea = z.object({
  id: text,
  title: text,
  body: text,
  authors: texts,
  created: text,
  tags: texts,
  kind: z.enum(['idea', 'theme']).optional(),
  path: text.optional(),
  source: maybe(text),
  team: maybe(text),
  parent: maybe(text),
  campaign: maybe(text),
  estimates: numbers.optional(),
  decisions: z.array(
    z.object({
      status: text,
      date: text,
      reviewers: texts,
      duplicateOf: maybe(text),
      scores: numbers,
      implementedBy: maybe(texts),
      rationale: text,
    }),
  ),
  votes: z.array(
    z.object({
      voter: text,
      points: z.number(),
      date: text,
      customers: texts.optional(),
      recordedBy: maybe(text),
      comment: text.optional(),
    }),
  ),
});

/** At most this many wrong places are named: enough to fix a generator, short enough to read. */
const SHOWN_ISSUES = 20;

/** Every place the document departs from what `ideas export` writes, or nothing. */
function shapeProblems(data: object): string[] {
  const proto = findProtoKey(data);
  if (proto !== undefined) return [`"${proto}" is not a name ideas takes`];
  const ideas = 'ideas' in data ? data.ideas : undefined;
  const checked = z.array(exportedIdea).safeParse(ideas);
  if (checked.success) return [];
  return checked.error.issues.map(
    (issue) => `${jsonPath(['ideas', ...issue.path])}: ${issue.message.toLowerCase()}`,
  );
}

export function parseExport(input: string, file: string): ParsedSource {
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || !('schema' in data) || !('ideas' in data))
    throw new UsageError(
      `${file} is not an "ideas export" document`,
      'write one with: ideas export > ideas.json',
    );
  if (data.schema !== EXPORT_SCHEMA)
    throw new UsageError(
      `${file} has schema ${sanitizeLine(String(data.schema))}; this version of ideas reads schema ${EXPORT_SCHEMA}`,
    );
  const problems = shapeProblems(data);
  if (problems.length > 0) {
    const more = problems.length - SHOWN_ISSUES;
    throw new UsageError(
      `${file} is not an "ideas export" document:\n${problems
        .slice(0, SHOWN_ISSUES)
        .map((p) => `  ${sanitizeLine(p)}`)
        .join('\n')}${more > 0 ? `\n  and ${more} more` : ''}`,
      'write one with: ideas export > ideas.json',
    );
  }
  const doc = data as ExportDocument;
  return {
    notes: [],
    ideas: doc.ideas.map((idea) => ({
      // Ids travel: the id is what makes a second import of the same document write nothing.
      key: idea.id,
      source: idea.source ?? undefined,
      where: `${file}: idea ${idea.id}`,
      id: idea.id,
      path: idea.path,
      title: idea.title,
      body: idea.body,
      authors: idea.authors.map((login) => ({ login })),
      created: idea.created,
      tags: idea.tags,
      team: idea.team ?? undefined,
      kind: idea.kind,
      parent: idea.parent ?? undefined,
      campaign: idea.campaign ?? undefined,
      estimates: idea.estimates,
      decisions: idea.decisions.map((d) => ({
        status: d.status,
        date: d.date,
        reviewers: d.reviewers,
        duplicateOf: d.duplicateOf ?? undefined,
        scores: d.scores,
        implementedBy: d.implementedBy ?? [],
        rationale: d.rationale,
      })),
      votes: idea.votes.map((v) => ({
        voter: { login: v.voter },
        points: v.points,
        date: v.date,
        customers: v.customers,
        recordedBy: v.recordedBy ?? undefined,
        comment: v.comment,
      })),
    })),
  };
}

/** `ideas export` read back: ids, votes and decisions as they were, nothing re-derived. */
import { UsageError } from '../../errors.js';
import { EXPORT_SCHEMA, type ExportDocument } from '../../export/export.js';
import type { ParsedSource } from '../types.js';

function isExport(value: unknown): value is ExportDocument {
  return (
    typeof value === 'object' &&
    value !== null &&
    'schema' in value &&
    'ideas' in value &&
    Array.isArray(value.ideas)
  );
}

export function parseExport(input: string, file: string): ParsedSource {
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (!isExport(data))
    throw new UsageError(
      `${file} is not an "ideas export" document`,
      'write one with: ideas export > ideas.json',
    );
  if (data.schema !== EXPORT_SCHEMA)
    throw new UsageError(
      `${file} has schema ${String(data.schema)}; this version of ideas reads schema ${EXPORT_SCHEMA}`,
    );
  return {
    notes: [],
    ideas: data.ideas.map((idea) => ({
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

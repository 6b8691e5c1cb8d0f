/**
 * `ideas export`: every idea with its status, votes and decisions as one document. Pure: a
 * Repository in, a value (JSON) or a string (CSV) out. `ideas import json` reads the JSON back.
 */
import { statusOf } from '../model/lifecycle.js';
import type { Repository } from '../model/repository.js';
import type { Estimates } from '../model/types.js';
import { countSupport } from '../model/support.js';
import { csvRow } from '../format/escape.js';

export const EXPORT_SCHEMA = 1;

export interface ExportedVote {
  voter: string;
  points: number;
  date: string;
  customers: string[];
  recordedBy: string | null;
  comment: string;
}

export interface ExportedDecision {
  status: string;
  date: string;
  reviewers: string[];
  duplicateOf: string | null;
  scores: Record<string, number>;
  implementedBy: string[];
  rationale: string;
  path: string;
}

export interface ExportedIdea {
  id: string;
  title: string;
  kind: 'idea' | 'theme';
  status: string;
  authors: string[];
  team: string | null;
  created: string;
  tags: string[];
  parent: string | null;
  campaign: string | null;
  source: string | null;
  estimates: Estimates;
  /** Counted support, as rank shows it: duplicates folded in, budgets applied. */
  support: { votes: number; points: number };
  body: string;
  path: string;
  /** The votes written on this idea, oldest first. */
  votes: ExportedVote[];
  /** Its decisions, oldest first. */
  decisions: ExportedDecision[];
}

export interface ExportDocument {
  schema: number;
  ideas: ExportedIdea[];
}

export function buildExport(repo: Repository): ExportDocument {
  const support = countSupport(repo).byIdea;
  const ideas = [...repo.ideasById.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((idea): ExportedIdea => {
      const counted = support.get(idea.id) ?? [];
      const votes = [...(repo.votesByIdea.get(idea.id) ?? [])].sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : a.voter < b.voter ? -1 : 1,
      );
      return {
        id: idea.id,
        title: idea.title,
        kind: idea.kind,
        status: statusOf(repo, idea.id),
        authors: idea.authors,
        team: idea.team ?? null,
        created: idea.created,
        tags: idea.tags,
        parent: idea.parent ?? null,
        campaign: idea.campaign ?? null,
        source: idea.source ?? null,
        estimates: idea.estimates,
        support: { votes: counted.length, points: counted.reduce((sum, v) => sum + v.points, 0) },
        body: idea.body,
        path: idea.path,
        votes: votes.map((vote) => ({
          voter: vote.voter,
          points: vote.points,
          date: vote.date,
          customers: vote.customers,
          recordedBy: vote.recorded_by ?? null,
          comment: vote.comment,
        })),
        decisions: (repo.decisionsByIdea.get(idea.id) ?? []).map((decision) => ({
          status: decision.status,
          date: decision.date,
          reviewers: decision.reviewers,
          duplicateOf: decision.duplicate_of ?? null,
          scores: decision.scores,
          implementedBy: decision.implemented_by,
          rationale: decision.rationale,
          path: decision.path,
        })),
      };
    });
  return { schema: EXPORT_SCHEMA, ideas };
}

/**
 * The JSON document (`JSON.stringify(doc, null, 2)` and a newline) an idea at a time, so the
 * 29 MB of 10,000 ideas are never one string. An idea's own lines are indented to its depth:
 * JSON text holds no raw line break but those between its values.
 */
export function* exportJsonPieces(doc: ExportDocument): Generator<string> {
  const { ideas } = doc;
  if (ideas.length === 0) {
    yield `${JSON.stringify(doc, null, 2)}\n`;
    return;
  }
  yield `{\n  "schema": ${JSON.stringify(doc.schema)},\n  "ideas": [\n`;
  for (let i = 0; i < ideas.length; i++) {
    const idea = JSON.stringify(ideas[i], null, 2).replaceAll('\n', '\n    ');
    yield `    ${idea}${i < ideas.length - 1 ? ',' : ''}\n`;
  }
  yield '  ]\n}\n';
}

const CSV_HEADERS = [
  'id',
  'title',
  'kind',
  'status',
  'authors',
  'team',
  'created',
  'tags',
  'parent',
  'campaign',
  'source',
  'votes',
  'points',
  'voters',
  'decisions',
  'decided',
  'path',
] as const;

/** One row per idea: lists joined with "; ", votes and decisions counted. */
export function exportCsv(doc: ExportDocument): string {
  const rows = doc.ideas.map((idea) =>
    csvRow([
      idea.id,
      idea.title,
      idea.kind,
      idea.status,
      idea.authors.join('; '),
      idea.team,
      idea.created,
      idea.tags.join('; '),
      idea.parent,
      idea.campaign,
      idea.source,
      idea.support.votes,
      idea.support.points,
      idea.votes.map((vote) => vote.voter).join('; '),
      idea.decisions.length,
      idea.decisions.at(-1)?.date ?? null,
      idea.path,
    ]),
  );
  return csvRow(CSV_HEADERS) + rows.join('');
}

/** Turns source files into typed records, collecting every problem on the way. */
import type { z } from 'zod';
import { locateField, parseFrontMatter, type FrontMatter } from './front-matter.js';
import { placeFile, type Placement } from './layout.js';
import { recordSchemas } from '../schema/records.js';
import type { Decision, Idea, Problem, RecordKind, SourceFile, Vote } from '../model/types.js';

/** A parsed record file: kept so that rules can point at the line of any field. */
export interface RecordFile {
  path: string;
  kind: RecordKind;
  placement: Extract<Placement, { kind: RecordKind }>;
  frontMatter: Pick<FrontMatter, 'yaml' | 'yamlLine' | 'bodyLine'>;
  /** Keys written in the front matter, to tell a default from a value given. */
  keys: string[];
}

export interface ParsedRecords {
  ideas: Idea[];
  votes: Vote[];
  decisions: Decision[];
  files: Map<string, RecordFile>;
  problems: Problem[];
}

const KNOWN_FIELDS: Record<RecordKind, ReadonlySet<string>> = {
  idea: new Set(Object.keys(recordSchemas.idea.shape)),
  vote: new Set(Object.keys(recordSchemas.vote.shape)),
  decision: new Set(Object.keys(recordSchemas.decision.shape)),
};

export function parseRecords(sources: readonly SourceFile[]): ParsedRecords {
  const out: ParsedRecords = {
    ideas: [],
    votes: [],
    decisions: [],
    files: new Map(),
    problems: [],
  };
  for (const source of sources) parseRecord(source, out);
  return out;
}

function parseRecord(source: SourceFile, out: ParsedRecords): void {
  const placement = placeFile(source.path);
  if (placement.kind === 'ignored') return;
  if (placement.kind === 'misplaced') {
    out.problems.push({
      rule: 'repo/misplaced-file',
      severity: 'error',
      file: source.path,
      line: 1,
      column: 1,
      message: placement.reason,
    });
    return;
  }
  const fm = parseFrontMatter(source.text);
  const file: RecordFile = {
    path: source.path,
    kind: placement.kind,
    placement,
    frontMatter: fm,
    keys: Object.keys(fm.data ?? {}),
  };
  out.files.set(source.path, file);
  for (const p of fm.problems) out.problems.push({ ...p, severity: 'error', file: source.path });
  if (!fm.data) return;

  const schema: z.ZodType = recordSchemas[placement.kind];
  const result = schema.safeParse(fm.data);
  const known = KNOWN_FIELDS[placement.kind];
  for (const key of file.keys) {
    if (!known.has(key)) {
      const at = locateField(fm, [key]);
      out.problems.push({
        rule: 'field/unknown',
        severity: 'warning',
        file: source.path,
        ...at,
        message: `unknown field "${key}" in a ${placement.kind}: known fields are ${[...known].join(', ')}`,
      });
    }
  }
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      const name = path.join('.');
      const missing = valueAt(fm.data, issue.path) === undefined;
      out.problems.push({
        rule: missing ? 'field/required' : 'field/invalid',
        severity: 'error',
        file: source.path,
        ...locateField(fm, path),
        message: missing
          ? `a ${placement.kind} needs the field "${name}": add it to the front matter`
          : `"${name}" ${issue.message}`,
      });
    }
    return;
  }
  const body = fm.body;
  const text = body.trim();
  if (placement.kind === 'idea') {
    out.ideas.push({ ...(result.data as Omit<Idea, 'body' | 'path'>), body, path: source.path });
  } else if (placement.kind === 'vote') {
    out.votes.push({
      ...(result.data as Omit<Vote, 'comment' | 'path'>),
      comment: text,
      path: source.path,
    });
  } else {
    const data = result.data as Omit<Decision, 'rationale' | 'path' | 'sequence'> & {
      duplicate_of?: string | null;
    };
    const { duplicate_of, ...rest } = data;
    out.decisions.push({
      ...rest,
      ...(duplicate_of ? { duplicate_of } : {}),
      rationale: text,
      path: source.path,
      sequence: placement.sequence ?? 1,
    });
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = data;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** Turns source files into typed records, collecting every problem on the way. */
import type { z } from 'zod';
import { locateField, parseFrontMatter, type FrontMatter } from './front-matter.js';
import { placeFile } from '../model/layout.js';
import { estimatesSchema, recordNameFields, recordSchemas } from '../schema/records.js';
import { acceptFields } from '../schema/accept.js';
import { names } from './string-pool.js';
import type { Decision, Idea, Problem, RecordKind, SourceFile, Vote } from '../model/types.js';
import type { ParsedSource, Placement, RecordFile, RecordLists } from '../model/types.js';

// Declared in the model so layers above the parser can name them; re-exported for parse's callers.
export type { ParsedSource, RecordFile, RecordLists };

export interface ParsedRecords extends RecordLists {
  /** Records with broken fields, for the rules alone (see ParsedSource.partial). */
  partial: RecordLists;
  files: Map<string, RecordFile>;
  problems: Problem[];
}

/** What each kind needs for a record with broken fields to still be checked by the rules. */
const IDENTITY: Record<RecordKind, readonly string[]> = {
  idea: ['id'],
  vote: ['idea', 'voter'],
  decision: ['idea', 'status', 'date'],
};

/** Neutral values for broken fields: they make no rule fire on their own. */
const NEUTRAL: Record<RecordKind, Record<string, unknown>> = {
  idea: { title: '', authors: [], tags: [], kind: 'idea', estimates: {} },
  vote: { points: 0, customers: [] },
  decision: { reviewers: [], scores: {} },
};

const KNOWN_FIELDS: Record<RecordKind, ReadonlySet<string>> = {
  idea: new Set(Object.keys(recordSchemas.idea.shape)),
  vote: new Set(Object.keys(recordSchemas.vote.shape)),
  decision: new Set(Object.keys(recordSchemas.decision.shape)),
};

const ESTIMATE_NAMES: ReadonlySet<string> = new Set(Object.keys(estimatesSchema.shape));

export function parseRecords(sources: readonly SourceFile[]): ParsedRecords {
  const out: ParsedRecords = {
    ideas: [],
    votes: [],
    decisions: [],
    partial: { ideas: [], votes: [], decisions: [] },
    files: new Map(),
    problems: [],
  };
  for (const source of sources) addRecord(source, out);
  return out;
}

/** The one problem list of every parse without problems: most of them, so it is shared. */
const NO_PROBLEMS: readonly Omit<Problem, 'file'>[] = Object.freeze([]);

export function parseSource(text: string, kind: RecordKind): ParsedSource {
  const fm = parseFrontMatter(text);
  const problems: Omit<Problem, 'file'>[] = fm.problems.map((p) => ({ ...p, severity: 'error' }));
  const read = fm.data ? readFields(kind, fm, fm.data, problems) : { fields: undefined };
  // One literal of one shape: a parse lives as long as the repository, once per file.
  const parsed: ParsedSource = {
    kind,
    yaml: fm.yaml,
    yamlLine: fm.yamlLine,
    bodyLine: fm.bodyLine,
    body: fm.body,
    fields: read.fields && names.fields(read.fields, recordNameFields[kind]),
    problems: problems.length === 0 ? NO_PROBLEMS : problems,
  };
  if (read.partial) {
    names.fields(read.partial.fields, recordNameFields[kind]);
    parsed.partial = read.partial;
  }
  return parsed;
}

/** The schema's reading of a front matter's mapping; its problems go to `problems`. */
function readFields(
  kind: RecordKind,
  fm: FrontMatter,
  data: Record<string, unknown>,
  problems: Omit<Problem, 'file'>[],
): Pick<ParsedSource, 'fields' | 'partial'> {
  const known = KNOWN_FIELDS[kind];
  for (const key of Object.keys(data)) {
    if (known.has(key)) continue;
    problems.push({
      rule: 'field/unknown',
      severity: 'warning',
      ...locateField(fm, [key]),
      message: `unknown field "${key}" in ${article(kind)} ${kind}: known fields are ${[...known].join(', ')}`,
    });
  }
  // The schema drops an estimate name no model reads: a typo would cost a score in silence.
  const estimates: unknown = kind === 'idea' ? data.estimates : undefined;
  if (typeof estimates === 'object' && estimates !== null && !Array.isArray(estimates))
    for (const key of Object.keys(estimates)) {
      if (ESTIMATE_NAMES.has(key)) continue;
      problems.push({
        rule: 'field/unknown',
        severity: 'warning',
        ...locateField(fm, ['estimates', key]),
        message: `unknown estimate "estimates.${key}": the estimates are ${[...ESTIMATE_NAMES].join(', ')}`,
      });
    }
  // The common valid record needs no zod (schema/accept.ts); anything else gets its messages.
  const accepted = acceptFields(kind, data);
  if (accepted) return { fields: accepted };
  const schema: z.ZodType = recordSchemas[kind];
  const result = schema.safeParse(data);
  if (result.success) return { fields: result.data as Record<string, unknown> };
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    const missing = valueAt(data, issue.path) === undefined;
    problems.push({
      rule: missing ? 'field/required' : 'field/invalid',
      severity: 'error',
      ...locateField(fm, path),
      message: missing
        ? `${article(kind)} ${kind} needs the field "${path.join('.')}": add it to the front matter`
        : `"${path.join('.')}" ${issue.message}`,
    });
  }
  const partial = salvage(kind, data, result.error.issues);
  return partial ? { fields: undefined, partial } : { fields: undefined };
}

/** The record without its broken fields, when what names it is intact (see ParsedSource.partial). */
function salvage(
  kind: RecordKind,
  data: Record<string, unknown>,
  issues: readonly z.core.$ZodIssue[],
): ParsedSource['partial'] {
  const invalid = [...new Set(issues.map((issue) => String(issue.path[0] ?? '')))];
  if (invalid.some((field) => field === '' || IDENTITY[kind].includes(field))) return undefined;
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (!invalid.includes(key)) rest[key] = value;
  const result = recordSchemas[kind].partial().safeParse(rest);
  if (!result.success) return undefined;
  const fields: Record<string, unknown> = { ...NEUTRAL[kind] };
  for (const [key, value] of Object.entries(result.data))
    if (value !== undefined) fields[key] = value;
  return { fields, invalid };
}

function addRecord(source: SourceFile, out: ParsedRecords): void {
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
  const parsed =
    source.parsed?.kind === placement.kind
      ? source.parsed
      : parseSource(source.text, placement.kind);
  const path = source.path;
  names.place(placement, parsed.fields ?? parsed.partial?.fields);
  const file: RecordFile = { path, placement, frontMatter: parsed };
  out.files.set(path, file);
  for (const problem of parsed.problems) out.problems.push({ ...problem, file: path });
  if (parsed.fields) addFields(parsed.fields, parsed, path, placement, out);
  else if (parsed.partial) {
    file.invalidFields = parsed.partial.invalid;
    // A copy: the cached parse must stay as it was read.
    addFields({ ...parsed.partial.fields }, parsed, path, placement, out.partial);
  }
}

function addFields(
  fields: Record<string, unknown>,
  parsed: ParsedSource,
  path: string,
  placement: Extract<Placement, { kind: RecordKind }>,
  out: RecordLists,
): void {
  if (placement.kind === 'idea') {
    out.ideas.push(claim(fields, { body: parsed.body, path }) as unknown as Idea);
  } else if (placement.kind === 'vote') {
    out.votes.push(claim(fields, { comment: parsed.body.trim(), path }) as unknown as Vote);
  } else {
    const { duplicate_of, ...rest } = fields as Omit<
      Decision,
      'rationale' | 'path' | 'sequence'
    > & { duplicate_of?: string | null };
    out.decisions.push({
      ...rest,
      ...(duplicate_of ? { duplicate_of } : {}),
      rationale: parsed.body.trim(),
      path,
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

function article(kind: RecordKind): string {
  return kind === 'idea' ? 'an' : 'a';
}

/**
 * The record: the schema's output with the file's own fields added, in place when this parse
 * is met for the first time (the hot path); a copy when two files share one cached parse. A
 * claimed parse has a `path` (the schemas strip any such key from the front matter), which
 * says so without a WeakSet: one of those per record cost more than the claim itself.
 */
function claim(
  fields: Record<string, unknown>,
  own: Record<string, unknown> & { path: string },
): Record<string, unknown> {
  if (Object.hasOwn(fields, 'path')) return { ...fields, ...own };
  return Object.assign(fields, own);
}

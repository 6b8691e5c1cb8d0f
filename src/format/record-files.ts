/**
 * The text of the files `new`, `vote` and `review` write: front matter through the yaml
 * library (never by string concatenation, so a title like `a: b # c` stays a title), then the
 * Markdown body. A vote that already exists is edited in place with `parseDocument`, so the
 * voter's comments and field order survive.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, visit, YAMLSeq } from 'yaml';
import type { Estimates } from '../model/types.js';
import { parseFrontMatter } from '../parse/front-matter.js';
import type { TemplateSection } from '../parse/template.js';
import { normaliseTag } from '../schema/patterns.js';

export interface NewIdea {
  id: string;
  title: string;
  authors: string[];
  team?: string | undefined;
  created: string;
  tags: string[];
  kind: 'idea' | 'theme';
  parent?: string | undefined;
  campaign?: string | undefined;
  estimates?: Estimates | undefined;
  source?: string | undefined;
  body: string;
}

function frontMatter(fields: Record<string, unknown>): string {
  const doc = new Document(fields);
  // Short lists read best on one line: `tags: [logistics, customers]`.
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isSeq(pair.value)) (pair.value as YAMLSeq).flow = true;
    }
  }
  return `---\n${toYaml(doc)}---\n`;
}

/**
 * The writer speaks YAML 1.2, the reader (js-yaml) YAML 1.1: there `10:00` is a number (base
 * 60), `0b101` and `1_000` are numbers, `yes` is true and `2026-05-01T10:00:00Z` a timestamp.
 * Every string the reader would not read back as the same string is written double-quoted.
 */
function toYaml(doc: Document): string {
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string') return;
      if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') return;
      if (!readsBackAsItself(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Whether the reader takes `value`, written plain, for the same string. */
function readsBackAsItself(value: string): boolean {
  if (value === '' || /[\n\r]/.test(value)) return false;
  const read = parseFrontMatter(`---\nv: ${value}\n---\n`);
  return read.problems.length === 0 && read.data?.v === value;
}

function withoutEmpty(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(
      ([, value]) =>
        value !== undefined &&
        !(Array.isArray(value) && value.length === 0) &&
        !(typeof value === 'object' && value !== null && Object.keys(value).length === 0),
    ),
  );
}

export function renderIdea(idea: NewIdea): string {
  const fields = withoutEmpty({
    id: idea.id,
    title: idea.title,
    authors: idea.authors,
    team: idea.team,
    created: idea.created,
    tags: [...new Set(idea.tags.map(normaliseTag).filter((tag) => tag !== ''))],
    kind: idea.kind === 'idea' ? undefined : idea.kind,
    parent: idea.parent,
    campaign: idea.campaign,
    estimates: idea.estimates,
    source: idea.source,
  });
  return `${frontMatter(fields)}${normaliseBody(idea.body)}`;
}

/** The body from one answer per template section, in the template's order. */
export function bodyFromSections(
  sections: readonly TemplateSection[],
  answers: ReadonlyMap<string, string>,
): string {
  return sections
    .map((section) => `## ${section.heading}\n${(answers.get(section.heading) ?? '').trim()}\n`)
    .join('\n');
}

/** LF line ends, no blank lines first; NUL characters go (a file holding one reads as binary). */
function normaliseBody(body: string): string {
  const trimmed = body.replace(/\0/g, '').replace(/\r\n?/g, '\n').replace(/^\n+/, '').trimEnd();
  return trimmed === '' ? '' : `${trimmed}\n`;
}

export interface VoteFields {
  idea: string;
  voter: string;
  points: number;
  date: string;
  customers: string[];
  recorded_by?: string | undefined;
  comment?: string | undefined;
}

export function renderVote(vote: VoteFields): string {
  const fields = withoutEmpty({
    idea: vote.idea,
    voter: vote.voter,
    points: vote.points,
    date: vote.date,
    customers: [...new Set(vote.customers)],
    recorded_by: vote.recorded_by,
  });
  return `${frontMatter(fields)}${normaliseBody(vote.comment ?? '')}`;
}

export interface VoteUpdate {
  points: number;
  date: string;
  /** Customers to add to those already listed. */
  customers: string[];
  recorded_by?: string | undefined;
  /** Replaces the body when given. */
  comment?: string | undefined;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/**
 * An existing vote with new values, everything else kept: YAML comments, field order,
 * unknown fields, and the comment body unless a new one is given. Undefined when the file
 * does not start with front matter (the caller then rewrites it whole).
 */
export function updateVoteText(existing: string, update: VoteUpdate): string | undefined {
  const match = FENCE.exec(existing.replace(/^\uFEFF/, ''));
  if (!match) return undefined;
  const doc = parseDocument(match[1] ?? '');
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  doc.set('points', update.points);
  setText(doc, 'date', update.date);
  if (update.customers.length > 0) {
    const current = doc.get('customers');
    const listed = isSeq(current)
      ? current.items.map((item) => String((item as { value?: unknown }).value ?? item))
      : typeof current === 'string'
        ? [current]
        : [];
    const merged = [...listed, ...update.customers.filter((c) => !listed.includes(c))];
    if (isSeq(current)) {
      for (const customer of merged.slice(listed.length)) current.add(doc.createNode(customer));
    } else {
      const seq = doc.createNode(merged) as YAMLSeq;
      seq.flow = true;
      doc.set('customers', seq);
    }
  }
  if (update.recorded_by !== undefined) setText(doc, 'recorded_by', update.recorded_by);
  else if (doc.has('recorded_by')) doc.delete('recorded_by');
  const body =
    update.comment !== undefined
      ? normaliseBody(update.comment)
      : existing.replace(/^\uFEFF/, '').slice(match[0].length);
  return `---\n${toYaml(doc)}---\n${body}`;
}

/** Sets a text field as a node (so toYaml sees it), keeping the comment of the one it replaces. */
function setText(doc: Document, key: string, value: string): void {
  const current = doc.get(key, true);
  if (isScalar(current)) {
    current.value = value;
    delete current.type;
  } else doc.set(key, doc.createNode(value));
}

export interface DecisionFields {
  idea: string;
  status: string;
  date: string;
  reviewers: string[];
  duplicate_of?: string | undefined;
  scores: Record<string, number>;
  implemented_by?: string[] | undefined;
  rationale: string;
}

export function renderDecision(decision: DecisionFields): string {
  const fields = withoutEmpty({
    idea: decision.idea,
    status: decision.status,
    date: decision.date,
    reviewers: decision.reviewers,
    duplicate_of: decision.duplicate_of,
    scores: decision.scores,
    implemented_by: decision.implemented_by,
  });
  return `${frontMatter(fields)}${normaliseBody(decision.rationale)}`;
}

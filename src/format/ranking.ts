/** `ideas rank` output in its four formats, flat or as a theme tree. Formatters return strings. */
import { JSON_SCHEMA } from './json-schema-version.js';
import { Chalk } from 'chalk';
import type { RankedIdea } from '../rank/rank.js';
import type { RankNode } from '../rank/tree.js';
import type { RankingModel } from '../schema/config.js';
import { layoutTable, type Column } from './columns.js';
import { csvRow, markdownCell, markdownTable } from './escape.js';
import { sanitizeLine } from './sanitize.js';

/** One line per model, shown above the table so a reader knows what the score means. */
export const MODEL_FORMULAS: Record<RankingModel, string> = {
  votes: 'number of voters',
  weighted: 'sum of points',
  rice: 'reach × impact × confidence ÷ effort',
  ice: 'impact × confidence × ease',
  wsjf: '(value + time criticality + risk reduction) ÷ job size',
  wilson: 'lower bound of the 95 % Wilson interval over up- and down-votes',
  hot: 'points halved every half-life of a vote’s age',
};

export type RankFormat = 'table' | 'json' | 'csv' | 'md';

export interface RankView {
  model: RankingModel;
  ranked: readonly RankedIdea[];
  /** Present with `--tree`. */
  tree?: readonly RankNode[];
  voting: { mode: 'simple' | 'budget' | 'quadratic'; budget: number };
  /** Terminal width for the table. */
  width: number;
  color: boolean;
}

/** One idea in `rank --format json` (documented in the README: keep it stable). */
export interface RankJson {
  schema: number;
  rank: number;
  id: string;
  title: string;
  kind: 'idea' | 'theme';
  status: string;
  team: string | null;
  tags: string[];
  campaign: string | null;
  parent: string | null;
  created: string;
  model: RankingModel;
  score: number | null;
  missing: string | null;
  votes: number;
  points: number;
  overBudget: { voter: string; given: number; counted: number }[];
}

export interface RankTreeJson extends RankJson {
  rolled: { votes: number; points: number };
  children: RankTreeJson[];
}

export function formatRank(format: RankFormat, view: RankView): string {
  const ranks = new Map(view.ranked.map((entry, i) => [entry.idea.id, i + 1]));
  const rows = view.tree
    ? flattenTree(view.tree)
    : view.ranked.map((entry) => ({ entry, depth: 0 }));
  if (format === 'json') {
    const data = view.tree
      ? view.tree.map((node) => treeJson(node, view.model, ranks))
      : view.ranked.map((entry, i) => rankJson(entry, i + 1, view.model));
    return `${JSON.stringify(data, null, 2)}\n`;
  }
  if (format === 'csv') return rankCsv(rows, view, ranks);
  if (format === 'md') return rankMarkdown(rows, view, ranks) + formatRankNotes(view, 'md');
  return rankTable(rows, view, ranks) + formatRankNotes(view, 'table');
}

interface Row {
  entry: RankedIdea;
  depth: number;
  rolled?: RankNode['rolled'];
}

function flattenTree(nodes: readonly RankNode[], depth = 0, out: Row[] = []): Row[] {
  for (const node of nodes) {
    out.push({ entry: node.entry, depth, rolled: node.rolled });
    flattenTree(node.children, depth + 1, out);
  }
  return out;
}

export function rankJson(entry: RankedIdea, rank: number, model: RankingModel): RankJson {
  const { idea } = entry;
  return {
    schema: JSON_SCHEMA,
    rank,
    id: idea.id,
    title: idea.title,
    kind: idea.kind,
    status: entry.status,
    team: entry.team ?? null,
    tags: idea.tags,
    campaign: idea.campaign ?? null,
    parent: idea.parent ?? null,
    created: idea.created,
    model,
    score: entry.score === null ? null : round(entry.score),
    missing: entry.missing ?? null,
    votes: entry.votes,
    points: entry.points,
    overBudget: entry.clipped.map(({ voter, given, counted }) => ({ voter, given, counted })),
  };
}

function treeJson(node: RankNode, model: RankingModel, ranks: Map<string, number>): RankTreeJson {
  return {
    ...rankJson(node.entry, ranks.get(node.entry.idea.id) ?? 0, model),
    rolled: node.rolled,
    children: node.children.map((child) => treeJson(child, model, ranks)),
  };
}

/** Six decimals: enough for any model, and no float noise like 0.30000000000000004. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function displayScore(score: number | null, model: RankingModel): string {
  if (score === null) return '–';
  if (model === 'wilson') return score.toFixed(3);
  return Number.isInteger(score) ? String(score) : score.toFixed(2);
}

function rankTable(rows: readonly Row[], view: RankView, ranks: Map<string, number>): string {
  const c = new Chalk({ level: view.color ? 1 : 0 });
  if (rows.length === 0)
    return 'No ideas match: try fewer filters, or --status with more statuses.\n';
  const columns: Column[] = [
    { header: '#', align: 'right' },
    { header: 'id', max: 10 },
    { header: 'title', flex: true },
    { header: 'status', max: 11 },
    ...(view.tree ? [] : [{ header: 'team', max: 12 }]),
    { header: 'score', align: 'right' as const },
    { header: 'votes', align: 'right' as const },
    ...(view.tree ? [{ header: 'Σvotes', align: 'right' as const }] : []),
  ];
  const cells = rows.map(({ entry, depth, rolled }) => [
    String(ranks.get(entry.idea.id) ?? ''),
    sanitizeLine(entry.idea.id),
    `${'  '.repeat(depth)}${entry.idea.kind === 'theme' ? '▸ ' : ''}${sanitizeLine(entry.idea.title)}`,
    sanitizeLine(entry.status),
    ...(view.tree ? [] : [sanitizeLine(entry.team ?? '')]),
    displayScore(entry.score, view.model),
    String(entry.votes),
    ...(view.tree ? [String(rolled?.votes ?? entry.votes)] : []),
  ]);
  const [header, ...lines] = layoutTable(columns, cells, view.width);
  const body = lines.map((line, i) => (rows[i]?.entry.score === null ? c.dim(line) : line));
  const title = c.dim(`By ${view.model}: ${MODEL_FORMULAS[view.model]}`);
  return `${[title, c.bold(header ?? ''), ...body].join('\n')}\n`;
}

function rankCsv(rows: readonly Row[], view: RankView, ranks: Map<string, number>): string {
  const header = [
    'rank',
    'id',
    'title',
    'status',
    'team',
    'tags',
    'score',
    'votes',
    'points',
    'missing',
  ];
  if (view.tree) header.push('depth', 'rolled_votes', 'rolled_points');
  let out = csvRow(header);
  for (const { entry, depth, rolled } of rows) {
    const values: (string | number | null)[] = [
      ranks.get(entry.idea.id) ?? null,
      entry.idea.id,
      entry.idea.title,
      entry.status,
      entry.team ?? '',
      entry.idea.tags.join(';'),
      entry.score === null ? null : round(entry.score),
      entry.votes,
      entry.points,
      entry.missing ?? '',
    ];
    if (view.tree) values.push(depth, rolled?.votes ?? entry.votes, rolled?.points ?? entry.points);
    out += csvRow(values);
  }
  return out;
}

function rankMarkdown(rows: readonly Row[], view: RankView, ranks: Map<string, number>): string {
  const headers = ['#', 'id', 'title', 'status', 'team', 'score', 'votes'];
  if (view.tree) headers.push('Σvotes');
  const body = rows.map(({ entry, depth, rolled }) => {
    const row: (string | number | null)[] = [
      ranks.get(entry.idea.id) ?? null,
      entry.idea.id,
      `${'↳ '.repeat(depth)}${entry.idea.title}`,
      entry.status,
      entry.team ?? '',
      displayScore(entry.score, view.model),
      entry.votes,
    ];
    if (view.tree) row.push(rolled?.votes ?? entry.votes);
    return row;
  });
  return markdownTable(headers, body, [
    'right',
    'left',
    'left',
    'left',
    'left',
    'right',
    'right',
    'right',
  ]);
}

/** What the table alone would hide: ideas the model could not score, votes cut by the budget. */
export function formatRankNotes(view: RankView, style: 'table' | 'md'): string {
  const text = style === 'md' ? markdownCell : sanitizeLine;
  const lines: string[] = [];
  const missing = view.ranked.filter((entry) => entry.score === null);
  if (missing.length > 0) {
    lines.push(`Listed last, no ${view.model} score:`);
    for (const entry of missing)
      lines.push(`  ${text(entry.idea.id)}: ${text(entry.missing ?? 'no score')}`);
  }
  const clipped = view.ranked.flatMap((entry) => entry.clipped);
  if (clipped.length > 0) {
    const cost = view.voting.mode === 'quadratic' ? ' (n points cost n²)' : '';
    lines.push(
      `Over budget: counted up to the budget of ${view.voting.budget}${cost}, oldest votes first:`,
    );
    for (const clip of clipped)
      lines.push(
        `  ${text(clip.voter)} on ${text(clip.idea)}: ${clip.given} points, ${clip.counted} counted`,
      );
  }
  if (lines.length === 0) return '';
  return style === 'md'
    ? `\n${lines.map((line) => (line.startsWith('  ') ? `- ${line.trim()}` : line)).join('\n')}\n`
    : `\n${lines.join('\n')}\n`;
}

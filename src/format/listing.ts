/** `ideas list` and `ideas queue` output. Formatters return strings. */
import { Chalk } from 'chalk';
import type { RankedIdea } from '../rank/rank.js';
import { waitingIdea, type QueueEntry } from '../model/review-queue.js';
import { JSON_SCHEMA } from './json-schema-version.js';
import { layoutTable } from './columns.js';
import { sanitizeLine } from './sanitize.js';

/** One idea in `list --format json` (documented in the README: keep it stable). */
export interface ListJson {
  schema: number;
  id: string;
  title: string;
  kind: 'idea' | 'theme';
  status: string;
  team: string | null;
  authors: string[];
  created: string;
  tags: string[];
  campaign: string | null;
  parent: string | null;
  votes: number;
  points: number;
  path: string;
}

export function listJson(entries: readonly RankedIdea[]): string {
  const data: ListJson[] = entries.map(({ idea, status, team, votes, points }) => ({
    schema: JSON_SCHEMA,
    id: idea.id,
    title: idea.title,
    kind: idea.kind,
    status,
    team: team ?? null,
    authors: idea.authors,
    created: idea.created,
    tags: idea.tags,
    campaign: idea.campaign ?? null,
    parent: idea.parent ?? null,
    votes,
    points,
    path: idea.path,
  }));
  return `${JSON.stringify(data, null, 2)}\n`;
}

export function listTable(
  entries: readonly RankedIdea[],
  { width, color }: { width: number; color: boolean },
): string {
  if (entries.length === 0) return 'No ideas match: try fewer filters.\n';
  const c = new Chalk({ level: color ? 1 : 0 });
  const [header, ...lines] = layoutTable(
    [
      { header: 'id', max: 10 },
      { header: 'created' },
      { header: 'status', max: 11 },
      { header: 'team', max: 12 },
      { header: 'votes', align: 'right' },
      { header: 'title', flex: true },
    ],
    entries.map(({ idea, status, team, votes }) => [
      sanitizeLine(idea.id),
      idea.created,
      sanitizeLine(status),
      sanitizeLine(team ?? ''),
      String(votes),
      `${idea.kind === 'theme' ? '▸ ' : ''}${sanitizeLine(idea.title)}`,
    ]),
    width,
  );
  return `${[c.bold(header ?? ''), ...lines, c.dim(`${entries.length} ideas`)].join('\n')}\n`;
}

/** `queue --format json`: the waiting ideas, each with the schema number (README "JSON"). */
export function queueJson(queue: readonly QueueEntry[]): string {
  const data = queue.map((entry) => ({ schema: JSON_SCHEMA, ...waitingIdea(entry) }));
  return `${JSON.stringify(data, null, 2)}\n`;
}

export function queueTable(
  queue: readonly QueueEntry[],
  {
    width,
    color,
    staleAfter,
    rule,
  }: { width: number; color: boolean; staleAfter: number; rule: string },
): string {
  if (queue.length === 0) return `Nothing waits for review (the queue: ${rule}).\n`;
  const c = new Chalk({ level: color ? 1 : 0 });
  const [header, ...lines] = layoutTable(
    [
      { header: 'id', max: 10 },
      { header: 'status', max: 11 },
      { header: 'since' },
      { header: 'days', align: 'right' },
      { header: '' },
      { header: 'votes', align: 'right' },
      { header: 'title', flex: true },
    ],
    queue.map((entry) => [
      sanitizeLine(entry.idea.id),
      sanitizeLine(entry.status),
      entry.waitingSince,
      String(entry.waitingDays),
      entry.stale ? 'STALE' : '',
      String(entry.votes),
      sanitizeLine(entry.idea.title),
    ]),
    width,
  );
  const body = lines.map((line, i) => (queue[i]?.stale ? c.red(line) : line));
  const stale = queue.filter((entry) => entry.stale).length;
  const summary = `${queue.length} waiting, ${stale} stale (no decision for over ${staleAfter} days)`;
  return `${[c.bold(header ?? ''), ...body, c.dim(summary), c.dim(`queue: ${sanitizeLine(rule)}`)].join('\n')}\n`;
}

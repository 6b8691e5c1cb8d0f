/** `ideas list --format csv|md`: the fields of `list --format json`, escaped for each format. */
import type { RankedIdea } from '../rank/rank.js';
import { csvRow, markdownTable } from './escape.js';

const HEADERS = [
  'id',
  'title',
  'kind',
  'status',
  'team',
  'authors',
  'created',
  'tags',
  'campaign',
  'parent',
  'votes',
  'points',
  'path',
] as const;

function cells({ idea, status, votes, points }: RankedIdea): (string | number | null)[] {
  return [
    idea.id,
    idea.title,
    idea.kind,
    status,
    idea.team ?? null,
    idea.authors.join('; '),
    idea.created,
    idea.tags.join('; '),
    idea.campaign ?? null,
    idea.parent ?? null,
    votes,
    points,
    idea.path,
  ];
}

export function listCsv(entries: readonly RankedIdea[]): string {
  return csvRow(HEADERS) + entries.map((entry) => csvRow(cells(entry))).join('');
}

export function listMarkdown(entries: readonly RankedIdea[]): string {
  return markdownTable(
    ['id', 'title', 'status', 'team', 'votes', 'created'],
    entries.map(({ idea, status, votes }) => [
      idea.id,
      idea.title,
      status,
      idea.team ?? null,
      votes,
      idea.created,
    ]),
    ['left', 'left', 'left', 'left', 'right', 'left'],
  );
}

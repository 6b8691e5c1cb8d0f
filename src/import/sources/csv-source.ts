/**
 * The CSV exports of Canny, Fider and UserVoice differ in column names and status words, not in
 * shape: one post per row with a vote count. Each source is a column spec over one reader.
 */
import { cell, readCsv, requireColumns, splitList } from '../csv.js';
import {
  dayOf,
  refuseVoteCount,
  type ImportedIdea,
  type ImportNote,
  type ParsedSource,
} from '../types.js';
import { mapStatus, unknownStatus, type StatusMap } from './status-map.js';

export interface CsvSourceSpec {
  /** The prefix of `source:` values, e.g. `fider`. */
  name: string;
  /** Column names to try, in order, for each thing read (lowercase). */
  columns: {
    id: string[];
    title: string[];
    body: string[];
    authorName: string[];
    authorEmail: string[];
    created: string[];
    status: string[];
    votes: string[];
    tags: string[];
    /** The id of the post this one was merged into. */
    mergedInto: string[];
    statusDate: string[];
    response: string[];
  };
  statuses: Record<string, string | null>;
  /** Statuses that mean the post is gone: skipped with a note. */
  skip?: string[];
}

export function parseCsvSource(
  input: string,
  file: string,
  spec: CsvSourceSpec,
  overrides: StatusMap,
): ParsedSource {
  const table = readCsv(input, file);
  const c = spec.columns;
  requireColumns(table, file, [c.title, c.created]);
  const ideas: ImportedIdea[] = [];
  const notes: ImportNote[] = [];
  for (const { line, cells } of table.rows) {
    const get = (names: string[]) => cell(cells, ...names);
    const id = get(c.id);
    const where = `${file}:${line}${id ? ` (${spec.name} ${id})` : ''}`;
    const title = get(c.title);
    const created = dayOf(get(c.created));
    if (!title || !created) {
      notes.push({ where, message: `no ${title ? 'readable creation date' : 'title'}: skipped` });
      continue;
    }
    const rawStatus = get(c.status) ?? 'open';
    if (spec.skip?.includes(rawStatus.toLowerCase())) {
      notes.push({ where, message: `status "${rawStatus}": the post is gone, skipped` });
      continue;
    }
    const merged = get(c.mergedInto);
    const mapped = merged
      ? { status: 'duplicate' }
      : mapStatus(spec.statuses, overrides, rawStatus);
    if (!mapped) notes.push({ where, message: unknownStatus(rawStatus) });
    const votesText = get(c.votes) ?? '0';
    let votes = Number(votesText);
    if (!Number.isInteger(votes) || votes < 0) {
      notes.push({
        where,
        message: `vote count "${votesText}" is not a number: no votes imported`,
      });
      votes = 0;
    }
    const refused = refuseVoteCount(votes);
    if (refused !== undefined) {
      notes.push({ where, message: refused });
      votes = 0;
    }
    const name = get(c.authorName);
    const email = get(c.authorEmail);
    const key = `${spec.name}:${id ?? `${created}/${title}`}`;
    const response = get(c.response);
    ideas.push({
      key,
      source: key,
      where,
      title,
      body: get(c.body) ?? '',
      authors: name || email ? [{ name, email }] : [],
      created,
      tags: splitList(get(c.tags)),
      ...(mapped?.status
        ? {
            status: {
              status: mapped.status,
              date: dayOf(get(c.statusDate)) ?? created,
              rationale: response
                ? response
                : `${merged ? 'Merged' : `Marked "${rawStatus}"`} in ${spec.name}.`,
              ...(merged ? { duplicateOf: `${spec.name}:${merged}` } : {}),
            },
          }
        : {}),
      votes: Array.from({ length: votes }, () => ({ points: 1, date: created })),
    });
  }
  return { ideas, notes };
}

/** Fider's admin export (Site settings -> Export -> posts.csv). */
export const FIDER: CsvSourceSpec = {
  name: 'fider',
  columns: {
    id: ['number'],
    title: ['title'],
    body: ['description'],
    authorName: ['created_by'],
    authorEmail: [],
    created: ['created_at'],
    status: ['status'],
    votes: ['votes_count', 'total_votes'],
    tags: ['tags'],
    mergedInto: ['original_number'],
    statusDate: ['responded_at'],
    response: ['response'],
  },
  statuses: {
    open: null,
    planned: 'accepted',
    started: 'prototyping',
    completed: 'shipped',
    declined: 'rejected',
    duplicate: 'duplicate',
  },
  skip: ['deleted'],
};

/** Canny's posts export (a board's posts, exported to CSV from the admin view). */
export const CANNY: CsvSourceSpec = {
  name: 'canny',
  columns: {
    id: ['id', 'post id', 'url', 'post url'],
    title: ['title', 'post title'],
    body: ['details', 'description', 'post details'],
    authorName: ['author name', 'author', 'created by'],
    authorEmail: ['author email', 'email'],
    created: ['created at', 'created', 'date', 'created date'],
    status: ['status'],
    votes: ['votes', 'vote count', 'score'],
    tags: ['tags'],
    mergedInto: ['merged into', 'merged into post', 'merged post id'],
    statusDate: ['status changed at', 'completed at'],
    response: [],
  },
  statuses: {
    open: null,
    'under review': 'reviewing',
    planned: 'accepted',
    'in progress': 'prototyping',
    complete: 'shipped',
    closed: 'rejected',
  },
};

/** UserVoice's ideas export (the field names still say "suggestion"). */
export const USERVOICE: CsvSourceSpec = {
  name: 'uservoice',
  columns: {
    id: ['suggestion.id'],
    title: ['suggestion.title'],
    body: ['suggestion.body'],
    authorName: ['suggestion.creator.name', 'user.name'],
    authorEmail: ['suggestion.creator.email', 'user.email_address', 'user.email'],
    created: ['suggestion.created_timestamp', 'suggestion.created_at'],
    status: ['suggestion.status.name'],
    votes: ['suggestion.votes_count', 'suggestion.supporters_count'],
    tags: ['suggestion.labels.name'],
    mergedInto: ['suggestion.parent.id'],
    statusDate: ['suggestion.closed_at', 'suggestion.status_changed_timestamp'],
    response: [],
  },
  statuses: {
    open: null,
    active: null,
    'under review': 'reviewing',
    planned: 'accepted',
    started: 'prototyping',
    completed: 'shipped',
    declined: 'rejected',
    closed: 'rejected',
  },
};

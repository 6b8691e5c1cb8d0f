/**
 * GitHub issues as `gh issue list --state all --json
 * number,title,body,author,createdAt,closedAt,state,labels,reactionGroups,url` prints them.
 * gh's reactionGroups counts reactions without naming who reacted, so 👍 become anonymous votes.
 */
import { UsageError } from '../../errors.js';
import {
  dayOf,
  refuseVoteCount,
  type ImportedIdea,
  type ImportNote,
  type ParsedSource,
} from '../types.js';
import { mapStatus, unknownStatus, type StatusMap } from './status-map.js';

const STATUSES: Record<string, string | null> = {
  open: null,
  completed: 'shipped',
  not_planned: 'rejected',
  // The export does not say which issue it duplicates: a rejection that says so.
  duplicate: 'rejected',
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function parseGithub(input: string, file: string, overrides: StatusMap): ParsedSource {
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch (error) {
    throw new UsageError(
      `${file} is not JSON: ${(error as Error).message}`,
      'write it with: gh issue list --state all --limit 10000 --json number,title,body,author,createdAt,closedAt,state,labels,reactionGroups,url > issues.json',
    );
  }
  if (!Array.isArray(data))
    throw new UsageError(
      `${file} is not a list of issues`,
      'pass what gh issue list --json prints',
    );
  const ideas: ImportedIdea[] = [];
  const notes: ImportNote[] = [];
  data.forEach((issue: unknown, index) => {
    const where = `${file}: item ${index + 1}`;
    if (!isObject(issue)) {
      notes.push({ where, message: 'not an issue object: skipped' });
      return;
    }
    const url = text(issue.url);
    const match = /github\.com\/([^/]+)\/([^/]+)\/(?:issues|pull)\/(\d+)/.exec(url);
    const number = typeof issue.number === 'number' ? issue.number : Number(match?.[3]);
    const key = match ? `github:${match[1]}/${match[2]}#${match[3]}` : `github:#${number}`;
    const label = `issue #${Number.isFinite(number) ? number : '?'}`;
    const created = dayOf(issue.createdAt);
    if (!created || text(issue.title).trim() === '') {
      notes.push({ where: `${where} (${label})`, message: 'no title or no createdAt: skipped' });
      return;
    }
    const author = isObject(issue.author) ? issue.author : undefined;
    const login = text(author?.login);
    const reactions = Array.isArray(issue.reactionGroups) ? issue.reactionGroups : [];
    const count = (content: string) => {
      const group = reactions.find((g: unknown) => isObject(g) && g.content === content);
      const users = isObject(group) && isObject(group.users) ? group.users.totalCount : 0;
      return typeof users === 'number' && users > 0 ? Math.floor(users) : 0;
    };
    let thumbsUp = count('THUMBS_UP');
    const refused = refuseVoteCount(thumbsUp);
    if (refused !== undefined) {
      notes.push({ where: label, message: refused });
      thumbsUp = 0;
    }
    const thumbsDown = count('THUMBS_DOWN');
    if (thumbsDown > 0)
      notes.push({ where: label, message: `${thumbsDown} 👎 reactions are not imported as votes` });
    const closed = text(issue.state).toUpperCase() === 'CLOSED';
    const reason = closed ? text(issue.stateReason) || 'COMPLETED' : 'OPEN';
    const mapped = mapStatus(STATUSES, overrides, reason);
    if (!mapped) notes.push({ where: label, message: unknownStatus(reason) });
    const closedOn = dayOf(issue.closedAt) ?? created;
    ideas.push({
      key,
      source: key,
      where: label,
      title: text(issue.title),
      body: text(issue.body),
      // A deleted account shows as no author (GitHub's "ghost").
      authors: login && login !== 'ghost' ? [{ login }] : [],
      created,
      tags: (Array.isArray(issue.labels) ? issue.labels : []).flatMap((l: unknown) =>
        isObject(l) && typeof l.name === 'string' ? [l.name] : [],
      ),
      ...(mapped?.status
        ? {
            status: {
              status: mapped.status,
              date: closedOn,
              rationale: `Closed on GitHub as ${reason.toLowerCase().replace(/_/g, ' ')}: ${url || key}`,
            },
          }
        : {}),
      votes: Array.from({ length: thumbsUp }, () => ({ points: 1, date: created })),
    });
  });
  return { ideas, notes };
}

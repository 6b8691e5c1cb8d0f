/** Where each kind of record lives in an ideas repository (the layout every command reads). */
import type { Placement, RecordKind } from './types.js';

export const RECORD_FOLDERS = ['ideas', 'votes', 'decisions'] as const;
export const TEMPLATE_PATH = 'templates/idea.md';
export const CONFIG_FILE = 'ideas.config.yaml';

/** The kind of record a path holds, if any: what parsing and caching key on. */
export function recordKindOf(path: string): RecordKind | undefined {
  // By folder alone, cheaply (it runs on every file of every read): a record in the wrong
  // place is parsed for nothing, then reported by placeFile as misplaced.
  if (!path.endsWith('.md')) return undefined;
  if (path.startsWith('ideas/')) return 'idea';
  if (path.startsWith('votes/')) return 'vote';
  if (path.startsWith('decisions/')) return 'decision';
  return undefined;
}

const IDEA_FILE = /^ideas\/([a-z][a-z0-9]*)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const VOTE_FILE = /^votes\/([^/]+)\/([^/]+)\.md$/;
const DECISION_FILE = /^decisions\/([^/]+)\/(\d{4}-\d{2}-\d{2})(?:-(\d+))?-([a-z][a-z-]*)\.md$/;

const IGNORED: Placement = Object.freeze({ kind: 'ignored' });

/** What a path inside the root holds, judged by its folder and name alone. */
export function placeFile(path: string): Placement {
  // Runs on every file of every read: slashes are counted, never split into arrays.
  const firstSlash = path.indexOf('/');
  const folder = firstSlash === -1 ? path : path.slice(0, firstSlash);
  if (folder !== 'ideas' && folder !== 'votes' && folder !== 'decisions') return IGNORED;
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === '.gitkeep' || path === `${folder}/README.md`) return { kind: 'ignored' };
  if (!path.endsWith('.md')) {
    return {
      kind: 'misplaced',
      reason: `only Markdown records (.md) belong in ${folder}/: move or rename this file`,
    };
  }
  let depth = 1;
  for (let at = firstSlash; at !== -1; at = path.indexOf('/', at + 1)) depth++;
  if (folder === 'ideas') {
    if (depth !== 2)
      return {
        kind: 'misplaced',
        reason: 'ideas live directly in ideas/, as ideas/<id>-<slug>.md',
      };
    const match = IDEA_FILE.exec(path);
    return match
      ? { kind: 'idea', nameOk: true, id: match[1] ?? '', slug: match[2] ?? '' }
      : { kind: 'idea', nameOk: false };
  }
  if (folder === 'votes') {
    if (depth !== 3)
      return { kind: 'misplaced', reason: 'votes live in votes/<idea-id>/<voter>.md' };
    const match = VOTE_FILE.exec(path);
    return { kind: 'vote', nameOk: true, id: match?.[1] ?? '', voter: match?.[2] ?? '' };
  }
  if (depth !== 3)
    return {
      kind: 'misplaced',
      reason: 'decisions live in decisions/<idea-id>/<date>-<status>.md',
    };
  const match = DECISION_FILE.exec(path);
  if (!match) return { kind: 'decision', nameOk: false, id: path.split('/')[1] ?? '' };
  return {
    kind: 'decision',
    nameOk: true,
    id: match[1] ?? '',
    date: match[2] ?? '',
    sequence: match[3] === undefined ? 1 : Number(match[3]),
    status: match[4] ?? '',
  };
}

/** `Offer overnight shipping!` -> `offer-overnight-shipping`: ASCII, short, stable. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'idea';
}

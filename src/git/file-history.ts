/**
 * When each record file landed on the main line, read from git history with ONE `git log`
 * process over the whole repository (not one per file): first parent only, so a merged pull
 * request counts from its merge, and committer dates, so a rebased commit counts from when it
 * landed. What git cannot date (a shallow clone's boundary, an uncommitted file) is left out;
 * the report core falls back to front-matter dates and says so.
 */
import { runGit, resolveCommit, type GitDir } from './git-process.js';
import { RECORD_FOLDERS } from '../model/layout.js';

export interface FileHistory {
  /** Whether git history could be read at all. */
  available: boolean;
  /** Why not, when it could not: "not a git repository", "no commits yet". */
  unavailableReason?: string;
  /** The clone is shallow: dates of files from before its boundary are unknown. */
  shallow: boolean;
  /** Root-relative path -> day (YYYY-MM-DD, committer's time zone) it was first added. */
  added: Map<string, string>;
}

export function readFileHistory(dir: GitDir, ref?: string): FileHistory {
  const unavailable = (reason: string): FileHistory => ({
    available: false,
    unavailableReason: reason,
    shallow: false,
    added: new Map(),
  });
  const probe = runGit(dir, ['rev-parse', '--is-shallow-repository']);
  if (probe.status !== 0) return unavailable('not a git repository');
  const shallow = probe.stdout.toString('utf8').trim() === 'true';
  let start = 'HEAD';
  if (ref !== undefined) start = resolveCommit(dir, ref);
  else if (runGit(dir, ['rev-parse', '--verify', '--quiet', 'HEAD']).status !== 0)
    return unavailable('no commits yet');

  const log = runGit(dir, [
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--no-renames',
    '--diff-filter=A',
    '--name-only',
    '--relative',
    '-z',
    '--format=%x01%P%x02%cs',
    start,
    '--',
    ...RECORD_FOLDERS,
  ]);
  if (log.status !== 0) return unavailable(`git log failed: ${log.stderr}`);
  return { available: true, shallow, added: parseAddedLog(log.stdout.toString('utf8'), shallow) };
}

/**
 * Entries are `\x01<parents>\x02<date>\0\n<path>\0<path>\0…`, newest first, so the last date seen
 * for a path is its first addition. A parentless commit in a shallow clone is the cut-off
 * boundary: everything "added" there is older than the clone knows, so it is left undated.
 */
export function parseAddedLog(out: string, shallow: boolean): Map<string, string> {
  const added = new Map<string, string>();
  for (const entry of out.split('\x01')) {
    if (entry === '') continue;
    const headerEnd = entry.indexOf('\0');
    const header = headerEnd === -1 ? entry : entry.slice(0, headerEnd);
    const [parents = '', date = ''] = header.split('\x02');
    const boundary = shallow && parents.trim() === '';
    const paths = headerEnd === -1 ? [] : entry.slice(headerEnd + 1).split('\0');
    for (const raw of paths) {
      const path = raw.replace(/^\n/, '');
      if (path === '') continue;
      if (boundary) added.delete(path);
      else added.set(path, date);
    }
  }
  return added;
}

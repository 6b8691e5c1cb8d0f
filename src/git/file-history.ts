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

/**
 * The string the history keeps for a path, or undefined to leave the path out: by default the
 * path as git printed it. A caller holding the repository passes its own copies of the paths
 * (model/record-dates.ts `historyKeys`), so that the history adds no string per file.
 */
export type HistoryKey = (path: string) => string | undefined;

export function readFileHistory(
  dir: GitDir,
  ref?: string,
  keyOf: HistoryKey = (path) => path,
): FileHistory {
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
  return { available: true, shallow, added: parseAddedLog(log.stdout, shallow, keyOf) };
}

/**
 * Entries are `\x01<parents>\x02<date>\0\n<path>\0<path>\0…`, newest first, so the last date seen
 * for a path is its first addition. A parentless commit in a shallow clone is the cut-off
 * boundary: everything "added" there is older than the clone knows, so it is left undated.
 * Read field by field from git's bytes: a path is decoded on its own and dropped once keyed
 * (slices of one decoded whole would keep all of it), and each day is one string however many
 * commits share it. Every path starts with its record folder's name, so a field that starts
 * with \x01 is a commit's header, and a path holding that byte cannot pass for one.
 */
export function parseAddedLog(
  out: Buffer,
  shallow: boolean,
  keyOf: HistoryKey = (path) => path,
): Map<string, string> {
  const added = new Map<string, string>();
  const days = new Map<string, string>();
  let day: string | undefined;
  let boundary = false;
  for (let start = 0; start < out.length;) {
    const found = out.indexOf(0, start);
    const end = found === -1 ? out.length : found;
    // The first path after a header follows a line break.
    const from = out[start] === 0x0a ? start + 1 : start;
    if (out[from] === 0x01) {
      const marker = out.indexOf(2, from);
      const separator = marker === -1 || marker > end ? end : marker;
      boundary = shallow && out.toString('latin1', from + 1, separator).trim() === '';
      const text = out.toString('latin1', Math.min(separator + 1, end), end);
      day = days.get(text);
      if (day === undefined) days.set(text, (day = text));
    } else if (day !== undefined && end > from) {
      const key = keyOf(out.toString('utf8', from, end));
      if (key !== undefined && boundary) added.delete(key);
      else if (key !== undefined) added.set(key, day);
    }
    start = end + 1;
  }
  return added;
}

/**
 * Which files a change can make wrong, for `validate --changed-since`: the changed files, and
 * the records whose rules read them (an idea's votes and decisions, a vote's idea, a voter's
 * other votes under a budget, the ideas under a theme).
 */
import { CONFIG_FILE } from '../parse/config.js';
import { TEMPLATE_PATH, placeFile } from '../model/layout.js';
import type { Repository } from '../model/repository.js';

/** Rules over the whole repository that stay cheap, so they run whatever changed. */
export const WHOLE_REPOSITORY_RULES: ReadonlySet<string> = new Set(['idea/duplicate-id']);

/** The files to report on; undefined when the config or template changed and everything is affected. */
export function affectedFiles(
  repo: Repository,
  changed: readonly string[],
): Set<string> | undefined {
  if (changed.includes(CONFIG_FILE) || changed.includes(TEMPLATE_PATH)) return undefined;
  const files = new Set<string>(changed);
  // Ideas whose every record is affected (a changed idea or decision), and ideas a changed vote names.
  const ids = new Set<string>();
  const votedIds = new Set<string>();
  const voters = new Set<string>();
  for (const path of changed) {
    const placed = placeFile(path);
    if (placed.kind === 'vote') {
      if (placed.id) votedIds.add(placed.id);
      if (placed.voter) voters.add(placed.voter);
    } else if ('id' in placed && placed.id) ids.add(placed.id);
  }
  // A changed record may name another idea than its path does (a wrong folder, a duplicate_of).
  for (const idea of repo.ideas) if (files.has(idea.path)) ids.add(idea.id);
  for (const vote of repo.votes)
    if (files.has(vote.path)) {
      votedIds.add(vote.idea);
      voters.add(vote.voter);
    }
  for (const d of repo.decisions)
    if (files.has(d.path)) {
      ids.add(d.idea);
      if (d.duplicate_of) ids.add(d.duplicate_of);
    }

  const budgeted = repo.config.voting.mode !== 'simple';
  for (const idea of repo.ideas)
    if (
      ids.has(idea.id) ||
      votedIds.has(idea.id) ||
      (idea.parent !== undefined && ids.has(idea.parent))
    )
      files.add(idea.path);
  for (const vote of repo.votes)
    if (
      ids.has(vote.idea) ||
      (votedIds.has(vote.idea) && voters.has(vote.voter)) || // one vote per voter per idea
      (budgeted && voters.has(vote.voter))
    )
      files.add(vote.path);
  for (const d of repo.decisions)
    if (ids.has(d.idea) || (d.duplicate_of !== undefined && ids.has(d.duplicate_of)))
      files.add(d.path);
  // Deleted files led to what they affect; only files still there are checked and counted.
  const present = new Set([...repo.files.keys(), ...repo.problems.map((p) => p.file)]);
  return new Set([...files].filter((path) => present.has(path)));
}

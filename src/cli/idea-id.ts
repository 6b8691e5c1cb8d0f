/**
 * An idea id typed on the command line, resolved the same way for every command (vote,
 * review, show, new --parent): trimmed, lower-cased (ids are lowercase; `JOM2R1` means
 * `jom2r1`), checked before it reaches a path or a git ref, and, when no idea has it, a hint
 * naming the near ones.
 */
import { UsageError } from '../errors.js';
import { placeFile } from '../model/layout.js';
import type { Repository } from '../model/repository.js';
import type { Problem } from '../model/types.js';
import { ID_PATTERN } from '../schema/patterns.js';

/** The id as ideas writes it, or a usage error when it cannot be an id at all. */
export function normaliseIdeaId(typed: string, flag = 'the id'): string {
  const id = typed.trim().toLowerCase();
  if (!ID_PATTERN.test(id)) {
    throw new UsageError(
      `"${typed}" is not an idea id${flag === 'the id' ? '' : ` (${flag})`}`,
      'ids are lowercase letters and digits starting with a letter, like k3x9qa: see them with "ideas list"',
    );
  }
  return id;
}

/** Ids that start like this one: what "did you mean" offers. */
function nearIds(repo: Repository, id: string): string[] {
  // Every id a file is named with: a repository read in part still knows them all.
  return [...repo.ideaIds].filter((known) => known.startsWith(id.slice(0, 2))).sort();
}

/** The first error in the file named for this id when it did not read as an idea. */
function brokenIdeaFile(repo: Repository, id: string): Problem | undefined {
  if (!repo.ideaIds.has(id)) return undefined;
  return repo.problems.find((problem) => {
    if (problem.severity !== 'error') return false;
    const placed = placeFile(problem.file);
    return placed.kind === 'idea' && placed.id === id;
  });
}

/** A usage error for an id no idea has, `where` saying which state was read ("on main"). */
export function unknownIdea(repo: Repository, id: string, where = '', extra?: string): UsageError {
  // A file is named for it but does not read (empty, broken YAML): "did you mean <the same
  // id>?" would send the user in a circle.
  const broken = brokenIdeaFile(repo, id);
  if (broken !== undefined)
    return new UsageError(
      `idea "${id}"${where ? ` ${where}` : ''} does not read: ${broken.file}:${broken.line}:${broken.column}  ${broken.message}`,
      `fix the file first: ideas validate ${broken.file} shows every problem in it`,
    );
  const near = nearIds(repo, id);
  return new UsageError(
    `there is no idea "${id}"${where ? ` ${where}` : ''}`,
    near.length > 0 && near.length <= 5
      ? `did you mean ${near.join(', ')}?`
      : `check the id with "ideas list"${extra ? ` ${extra}` : ''}`,
  );
}

/** The id of an idea in `repo`, from what the user typed. */
export function resolveIdeaId(repo: Repository, typed: string, where = '', extra?: string): string {
  const id = normaliseIdeaId(typed);
  if (!repo.ideasById.has(id)) throw unknownIdea(repo, id, where, extra);
  return id;
}

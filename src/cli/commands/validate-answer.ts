/** `ideas validate`'s work once its answer is not in the result cache: every rule, then the report. */
import { formatProblems } from '../../format/problems.js';
import { validateRepository } from '../../validate/validate.js';
import { existingRevisions } from '../../git/revisions.js';
import { namedRevisions } from '../../model/implemented-by.js';
import { affectedFiles } from '../../validate/affected.js';
import { ExitCode } from '../../errors.js';
import { displayPathFn, toRootPath, type LoadedRepository } from '../repository.js';
import type { Progress } from '../progress.js';
import type { Answer } from '../../cache/result-cache.js';
import { sanitizeLine } from '../../format/sanitize.js';
import type { Context } from '../context.js';

import type { FORMAT_CHOICES } from '../spec.js';
import type { ReadFlags } from '../options.js';
export function validateAnswer(
  ctx: Context,
  { root, repo, today }: Pick<LoadedRepository, 'root' | 'repo' | 'today'>,
  paths: string[],
  options: ValidateOptions,
  progress: Progress,
  incremental?: { affected: Set<string> | undefined },
  changed?: string[],
): Answer {
  let err = '';
  // Misplaced and unreadable files are not records but are reported under a named folder too.
  // Only paths given need it: a set of every file (115,000 at 10,000 ideas) for none was waste.
  const known =
    paths.length > 0
      ? new Set([...repo.files.keys(), ...repo.problems.map((p) => p.file)])
      : new Set<string>();
  let only =
    paths.length > 0
      ? selectFiles(
          paths.map((p) => toRootPath(ctx, root, p)),
          known,
        )
      : undefined;
  // A mistyped path would otherwise pass as "checked, no problems".
  for (const path of only ?? []) {
    if (!known.has(path)) {
      err += `ideas: ${sanitizeLine(path)} is not a record in this repository: nothing checked there\n`;
    }
  }
  if (incremental) only = incremental.affected;
  else if (changed) {
    const affected = affectedFiles(repo, changed);
    if (affected) only = only ? new Set([...only].filter((p) => affected.has(p))) : affected;
  }
  progress.phase('checking');
  const named = namedRevisions(repo.decisions);
  const knownRevisions = existingRevisions(ctx.git(root), named);
  const problems = validateRepository(repo, {
    today,
    ...(knownRevisions ? { knownRevisions } : {}),
  }).filter((p) => !only || only.has(p.file));
  const display = displayPathFn(ctx, root);
  const shown = problems.map((p) => ({ ...p, file: display(p.file) }));
  const files = only ? only.size : repo.files.size;
  return {
    out: formatProblems(options.format, { problems: shown, files }, { color: ctx.color }),
    err,
    code: problems.some((p) => p.severity === 'error') ? ExitCode.problemsFound : ExitCode.ok,
    revisions: { named: [...named], existing: knownRevisions ? [...knownRevisions] : null },
  };
}

/** Named files, and every file under a named folder. */
function selectFiles(wanted: string[], known: Iterable<string>): Set<string> {
  const selected = new Set<string>(wanted.filter((p) => p.endsWith('.md')));
  const folders = wanted.map((p) => (p === '' ? '' : `${p.replace(/\/$/, '')}/`));
  for (const path of known)
    if (folders.some((folder) => path.startsWith(folder))) selected.add(path);
  return selected;
}

export interface ValidateOptions extends ReadFlags {
  format: (typeof FORMAT_CHOICES)[number];
  changedSince: string | undefined;
}

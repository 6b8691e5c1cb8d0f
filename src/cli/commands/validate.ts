/** `ideas validate [paths…]`: every rule over the repository; exit 1 on any error. */
import { formatProblems } from '../../format/problems.js';
import { validateRepository } from '../../validate/validate.js';
import { existingRevisions } from '../../git/revisions.js';
import { namedRevisions } from '../../model/implemented-by.js';
import { affectedFiles } from '../../validate/affected.js';
import { changedSince, readChangedSince } from '../changed-since.js';
import { ConfigError, ExitCode, ExitError } from '../../errors.js';
import {
  answerFromCache,
  displayPathFn,
  loadRepository,
  rootOf,
  toRootPath,
  type LoadedRepository,
} from '../repository.js';
import { startProgress, type Progress } from '../progress.js';
import type { Answer } from '../../cache/result-cache.js';
import { relative } from 'node:path';
import { sanitizeLine } from '../../format/sanitize.js';
import type { CommandHandler } from '../spec.js';
import type { Context } from '../context.js';
import type { FORMAT_CHOICES } from '../spec.js';
import type { ReadFlags } from '../options.js';

export interface ValidateOptions extends ReadFlags {
  format: (typeof FORMAT_CHOICES)[number];
  changedSince: string | undefined;
}

export const run: CommandHandler<ValidateOptions> = async (ctx, paths, options) => {
  const changedOf = async (root: string) =>
    options.changedSince === undefined
      ? undefined
      : (await changedSince(ctx.git(root), options.changedSince, options.ref)).paths;
  const progress = startProgress(ctx);
  progress.phase('reading the repository');
  // The whole repository's answer can be cached; a selection's is computed each time.
  const whole = paths.length === 0 && options.changedSince === undefined;
  // Only what the change reaches is read, unless paths or a moment are asked for as well.
  const incremental =
    options.changedSince !== undefined && paths.length === 0 && options.at === undefined;
  const answer = await reportingConfigErrors(ctx, options, () =>
    whole
      ? answerFromCache(
          ctx,
          options,
          {
            command: 'validate',
            params: {
              format: options.format,
              color: ctx.color,
              cwd: relative(ctx.cwd, rootOf(ctx, options)),
            },
          },
          (loaded) => check(ctx, loaded, paths, options, progress),
        )
      : incremental
        ? readChangedSince(ctx, options.changedSince ?? '', options).then((read) =>
            check(ctx, read, paths, options, progress, read),
          )
        : loadRepository(ctx, options).then(async (loaded) =>
            check(ctx, loaded, paths, options, progress, undefined, await changedOf(loaded.root)),
          ),
  );
  progress.done();
  if (answer.err) ctx.err(answer.err);
  ctx.out(answer.out);
  return answer.code;
};

function check(
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

/**
 * The repository, or, when its config is broken, the config's problems in the format asked
 * for: CI reading JSON or annotations sees them too. Exit 2 either way (SPEC §4).
 */
async function reportingConfigErrors(
  ctx: Context,
  options: ValidateOptions,
  answer: () => Promise<Answer>,
): Promise<Answer> {
  try {
    return await answer();
  } catch (error) {
    if (!(error instanceof ConfigError) || options.format === 'text' || error.problems.length === 0)
      throw error;
    const display = displayPathFn(ctx, rootOf(ctx, options));
    const problems = error.problems.map((p) => ({ ...p, file: display(p.file) }));
    ctx.out(formatProblems(options.format, { problems, files: 0 }, { color: false }));
    ctx.err(`ideas: ${sanitizeLine(error.message)}\n`);
    throw new ExitError(ExitCode.usage);
  }
}

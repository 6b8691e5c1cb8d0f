/** `ideas validate [paths…]`: every rule over the repository; exit 1 on any error. */
import { ConfigError, ExitCode, ExitError } from '../../errors.js';
import { answerFromCache, displayPathFn, loadRepository, rootOf } from '../repository.js';
import { startProgress } from '../progress.js';
import type { Answer } from '../../cache/result-cache.js';
import { relative } from 'node:path';
import { sanitizeLine } from '../../format/sanitize.js';
import type { CommandHandler } from '../spec.js';
import type { Context } from '../context.js';

import type { ValidateOptions } from './validate-answer.js';

export type { ValidateOptions };

export const run: CommandHandler<ValidateOptions> = async (ctx, paths, options) => {
  // The parser, the rules and the reader load once the answer is not in the result cache.
  const answering = () => import('./validate-answer.js');
  const changedOf = async (root: string) =>
    options.changedSince === undefined
      ? undefined
      : (
          await (
            await import('../changed-since.js')
          ).changedSince(ctx.git(root), options.changedSince, options.ref)
        ).paths;
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
          async (loaded) =>
            (await answering()).validateAnswer(ctx, loaded, paths, options, progress),
        )
      : incremental
        ? import('../changed-since.js')
            .then(({ readChangedSince }) =>
              readChangedSince(ctx, options.changedSince ?? '', options),
            )
            .then(async (read) =>
              (await answering()).validateAnswer(ctx, read, paths, options, progress, read),
            )
        : loadRepository(ctx, options).then(async (loaded) =>
            (await answering()).validateAnswer(
              ctx,
              loaded,
              paths,
              options,
              progress,
              undefined,
              await changedOf(loaded.root),
            ),
          ),
  );
  progress.done();
  if (answer.err) ctx.err(answer.err);
  ctx.out(answer.out);
  return answer.code;
};

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
    const { formatProblems } = await import('../../format/problems.js');
    ctx.out(formatProblems(options.format, { problems, files: 0 }, { color: false }));
    ctx.err(`ideas: ${sanitizeLine(error.message)}\n`);
    throw new ExitError(ExitCode.usage);
  }
}

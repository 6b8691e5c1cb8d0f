/**
 * The one door to interactive prompts. @inquirer/prompts loads only when a question is really
 * asked (start-up time), prompts draw on stderr so `--json` keeps stdout clean, and on a
 * stdin that is not a terminal no prompt ever starts: the command fails at once naming the
 * flag to pass instead (SPEC §4). Tests script the answers through @inquirer/testing.
 */
import { InterruptedError, UsageError } from '../errors.js';
import type { Context } from './context.js';

type Prompts = typeof import('@inquirer/prompts');
export type PromptKind = 'input' | 'select' | 'confirm' | 'checkbox';
export type PromptConfig<K extends PromptKind> = Parameters<Prompts[K]>[0];

let loaded: Promise<Prompts> | undefined;

export function isInteractive(ctx: Context): boolean {
  return ctx.stdin.isTTY === true;
}

/** Fails fast when answers are missing and nobody can be asked for them. */
export function requireAnswers(
  ctx: Context,
  missing: readonly string[],
  what: string,
  alternative = '',
): void {
  if (missing.length === 0 || isInteractive(ctx)) return;
  throw new UsageError(
    `${what} needs ${missing.join(' and ')}, and stdin is not a terminal, so ideas cannot ask`,
    `pass ${missing.join(' and ')} on the command line${alternative}`,
  );
}

export async function ask<K extends PromptKind>(
  ctx: Context,
  kind: K,
  config: PromptConfig<K>,
  flag: string,
): Promise<Awaited<ReturnType<Prompts[K]>>> {
  if (!isInteractive(ctx)) {
    throw new UsageError(
      `ideas needs an answer to "${String((config as { message: unknown }).message)}" and stdin is not a terminal`,
      `pass ${flag} instead`,
    );
  }
  loaded ??= import('@inquirer/prompts');
  const prompts = await loaded;
  const prompt = prompts[kind] as (
    config: PromptConfig<K>,
    context: { input: Context['stdin']; output: Context['stderr'] },
  ) => Promise<Awaited<ReturnType<Prompts[K]>>>;
  try {
    return await prompt(config, { input: ctx.stdin, output: ctx.stderr });
  } catch (error) {
    // Ctrl-C, or the terminal went away: say so plainly instead of a raw ExitPromptError.
    if (error instanceof Error && /ExitPromptError|AbortPromptError/.test(error.name)) {
      throw new InterruptedError();
    }
    throw error;
  }
}

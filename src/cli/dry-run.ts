/**
 * The last word before writing, after each command's own friendlier checks: the problems
 * `validate` would report in the changed files once the change is made, and refusing them.
 */
import { ExitCode, ExitError } from '../errors.js';
import { sanitizeLine } from '../format/sanitize.js';
import type { FileChange, Problem } from '../model/types.js';
import { withChanges } from '../read/repository.js';
import { validateRepository } from '../validate/validate.js';
import type { Context } from './context.js';
import type { Session } from './session.js';

export function problemsAfter(
  session: Session,
  changes: readonly FileChange[],
  today: string,
  ignore: readonly string[] = [],
): Problem[] {
  const { repo } = withChanges(session.read, changes);
  const only = new Set(changes.filter((c) => c.text !== null).map((c) => c.path));
  return validateRepository(repo, { today, only }).filter((p) => !ignore.includes(p.rule));
}

/** Refuses (exit 2) when the change would not validate; prints warnings and goes on otherwise. */
export function refuseInvalid(ctx: Context, problems: readonly Problem[], what: string): void {
  const errors = problems.filter((p) => p.severity === 'error');
  for (const p of problems.filter((p) => p.severity === 'warning'))
    ctx.err(`ideas: warning: ${sanitizeLine(p.message)} (${p.rule})\n`);
  if (errors.length === 0) return;
  ctx.err(
    `ideas: ${what} would not pass "ideas validate", so nothing was written:\n${errors
      .map((p) => `  ${p.rule}  ${sanitizeLine(p.message)}\n`)
      .join('')}`,
  );
  throw new ExitError(ExitCode.usage);
}

/**
 * The user's editor, as git finds and runs it: VISUAL, else EDITOR, run through the shell so it
 * may carry flags ("code --wait"). `edit` and `new` open files with it.
 */
import { spawnSync } from 'node:child_process';
import { UsageError } from '../errors.js';
import type { Context } from './context.js';

/** The editor the user asked for, or undefined when neither VISUAL nor EDITOR is set. */
export function editorOf(ctx: Context): string | undefined {
  return ctx.env.VISUAL || ctx.env.EDITOR || undefined;
}

/** Waits for the editor to close; a failing editor leaves the file and says where it is. */
export function openEditor(ctx: Context, editor: string, file: string): void {
  const result =
    process.platform === 'win32'
      ? spawnSync(`${editor} "${file}"`, {
          shell: true,
          stdio: 'inherit',
          env: { ...process.env, ...ctx.env },
        })
      : spawnSync('/bin/sh', ['-c', `${editor} "$@"`, editor, file], {
          stdio: 'inherit',
          env: { ...process.env, ...ctx.env },
        });
  if (result.status !== 0)
    throw new UsageError(
      `the editor (${editor}) exited with ${result.status ?? result.signal ?? 'an error'}: nothing was saved`,
      `your text stays in ${file}`,
    );
}

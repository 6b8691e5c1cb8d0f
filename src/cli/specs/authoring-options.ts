/** The flags `new`, `vote` and `review` share: where the write goes and what happens to it. */
import { Option, type Command } from 'commander';
import { UsageError } from '../../errors.js';
import { optionalBoolean, optionalString, flag, requiredChoice } from '../options.js';
import type { RawOptions } from '../spec.js';

export const WRITER_FORMATS = ['text', 'json'] as const;

export interface AuthoringFlags {
  root: string | undefined;
  /** true: --branch; false: --no-branch; undefined: as `authoring.branch` in the config says. */
  branch: boolean | undefined;
  push: boolean;
  openPr: boolean;
  format: (typeof WRITER_FORMATS)[number];
}

export function addAuthoringOptions(command: Command): Command {
  return (
    command
      .option(
        '--branch',
        'commit on a new branch from the default branch; your checkout is untouched',
      )
      .option(
        '--no-branch',
        'write into the working tree even when the config says authoring.branch',
      )
      .option(
        '--push',
        'push the branch with upstream set and print the pull-request URL (implies --branch)',
      )
      .option('--open-pr', 'open the pull request with gh when it is on PATH (implies --push)')
      .addOption(
        new Option(
          '--format <format>',
          'text, or json: {schema, id, path, branch?, url?} on stdout',
        )
          .choices(WRITER_FORMATS)
          .default('text'),
      )
      // The old spelling, kept only to say the new one: `--json` is for `--json FIELD,…` on read commands.
      .addOption(new Option('--json').hideHelp())
      .option('--root <dir>', 'the ideas repository (default: found upwards from here)')
  );
}

export function parseAuthoringFlags(options: RawOptions): AuthoringFlags {
  if (flag(options, 'json'))
    throw new UsageError('--json is now --format json', 'pass --format json');
  const openPr = flag(options, 'openPr');
  const push = openPr || flag(options, 'push');
  const branch = optionalBoolean(options, 'branch');
  if (branch === false && push)
    throw new UsageError('--push and --open-pr need a branch: leave out --no-branch');
  return {
    root: optionalString(options, 'root'),
    branch,
    push,
    openPr,
    format: requiredChoice(options, 'format', WRITER_FORMATS, 'text'),
  };
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

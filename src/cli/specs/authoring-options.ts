/** The flags `new`, `vote` and `review` share: where the write goes and what happens to it. */
import type { Command } from 'commander';

export function addAuthoringOptions(command: Command): Command {
  return command
    .option(
      '--branch',
      'commit on a new branch from the default branch; your checkout is untouched',
    )
    .option('--no-branch', 'write into the working tree even when the config says authoring.branch')
    .option(
      '--push',
      'push the branch with upstream set and print the pull-request URL (implies --branch)',
    )
    .option('--open-pr', 'open the pull request with gh when it is on PATH (implies --push)')
    .option('--json', 'print {id, path, branch?, url?} as JSON on stdout')
    .option('--root <dir>', 'the ideas repository (default: found upwards from here)');
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

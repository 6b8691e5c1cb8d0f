import { Option } from 'commander';
import type { CommandSpec } from '../spec.js';

export const initSpec: CommandSpec = {
  usage: 'init [dir]',
  summary: 'make a folder an ideas repository: config, folders, template, CI workflow, CODEOWNERS',
  examples: [
    'ideas init                         # here',
    'ideas init ideas --reviewer carol --reviewer dave',
    'ideas init --force                 # overwrite files a previous init wrote',
  ],
  configure(command) {
    command
      .option(
        '--reviewer <handle>',
        'a reviewer (repeatable; default: you, from your git email)',
        collect,
        [],
      )
      .addOption(
        new Option('--ci <forge>', 'which CI files to write')
          .choices(['github', 'none'])
          .default('github'),
      )
      .option('--force', 'overwrite files that already exist');
  },
  load: () => import('../commands/init.js'),
};

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

import { Option } from 'commander';
import type { CommandSpec } from '../spec.js';
import { addFilterOptions, addReadOptions } from './filters.js';

export const listSpec: CommandSpec = {
  usage: 'list',
  summary: 'every idea with its status, newest first (or by id); filters as in rank',
  examples: [
    'ideas list                              # every idea, every status, newest first',
    'ideas list --status proposed,reviewing --team sales',
    'ideas list --sort id --format json',
  ],
  configure(command) {
    addFilterOptions(command)
      .addOption(
        new Option('--sort <key>', 'date: newest first; id: alphabetical')
          .choices(['date', 'id'])
          .default('date'),
      )
      .option('--limit <n>', 'show only the first n')
      .addOption(
        new Option('--format <format>', 'output format')
          .choices(['table', 'json'])
          .default('table'),
      );
    addReadOptions(command);
  },
  load: () => import('../commands/list.js'),
};

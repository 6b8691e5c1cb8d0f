import { Option } from 'commander';
import type { ListOptions } from '../commands/list.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { optionalString, requiredChoice } from '../options.js';
import { addFilterOptions, addReadOptions, parseFilterFlags, parseReadFlags } from './filters.js';

function parseListOptions(options: RawOptions): ListOptions {
  return {
    ...parseReadFlags(options),
    filters: parseFilterFlags(options),
    sort: requiredChoice(options, 'sort', ['date', 'id'], 'date'),
    limit: optionalString(options, 'limit'),
    format: requiredChoice(options, 'format', ['table', 'json'], 'table'),
  };
}

export const listSpec = defineCommand({
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
  parse: parseListOptions,
  load: () => import('../commands/list.js'),
});

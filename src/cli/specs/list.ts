import { Option } from 'commander';
import { addJsonFieldsOption } from '../json-fields.js';
import type { ListOptions } from '../commands/list.js';
import { LIST_FORMATS, LIST_SORTS } from '../choices.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { optionalString, requiredChoice } from '../options.js';
import { addFilterOptions, addReadOptions, parseFilterFlags, parseReadFlags } from './filters.js';

function parseListOptions(options: RawOptions): ListOptions {
  return {
    ...parseReadFlags(options),
    filters: parseFilterFlags(options),
    sort: requiredChoice(options, 'sort', LIST_SORTS, 'date'),
    limit: optionalString(options, 'limit'),
    author: optionalString(options, 'author'),
    search: optionalString(options, 'search'),
    format: requiredChoice(options, 'format', LIST_FORMATS, 'table'),
  };
}

export const listSpec = defineCommand({
  usage: 'list',
  summary: 'every idea with its status, newest first (or by id); filters as in rank',
  examples: [
    'ideas list                              # every idea, every status, newest first',
    'ideas list --status proposed,reviewing --team sales',
    'ideas list --sort id --format json',
    'ideas list --author @me --sort votes    # your ideas, most supported first',
    'ideas list --search "overnight courier" --format csv > found.csv',
  ],
  configure(command) {
    addFilterOptions(command)
      .addOption(
        new Option('--sort <key>', 'date: newest first; id: alphabetical; votes: most voters first')
          .choices(LIST_SORTS)
          .default('date'),
      )
      .option('--limit <n>', 'show only the first n')
      .option('--author <handle>', 'only ideas this person wrote ("@me": you)')
      .option('--search <text>', 'only ideas whose title or body has every word of the text')
      .addOption(
        new Option('--format <format>', 'output format').choices(LIST_FORMATS).default('table'),
      );
    addReadOptions(command);
    addJsonFieldsOption(command);
  },
  parse: parseListOptions,
  load: () => import('../commands/list.js'),
});

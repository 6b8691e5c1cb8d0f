import { Option } from 'commander';
import { addJsonFieldsOption } from '../json-fields.js';
import type { ShowOptions } from '../commands/show.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { requiredChoice } from '../options.js';
import { addReadOptions, parseReadFlags } from './filters.js';

function parseShowOptions(options: RawOptions): ShowOptions {
  return {
    ...parseReadFlags(options),
    format: requiredChoice(options, 'format', ['text', 'json'], 'text'),
  };
}

export const showSpec = defineCommand({
  usage: 'show <id>',
  summary: 'one idea: its text, status, decisions, votes, customers, theme and similar ideas',
  examples: [
    'ideas show k7q3xj',
    'ideas show k7q3xj --format json',
    'ideas show k7q3xj --ref origin/main     # as merged',
  ],
  configure(command) {
    command.addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    );
    addReadOptions(command);
    addJsonFieldsOption(command);
  },
  parse: parseShowOptions,
  load: () => import('../commands/show.js'),
});

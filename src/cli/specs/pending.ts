import { Option } from 'commander';
import { addJsonFieldsOption } from '../json-fields.js';
import type { PendingOptions } from '../commands/pending.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { cacheFlag, optionalString, requiredChoice } from '../options.js';
import { cacheOption } from './filters.js';

function parsePendingOptions(options: RawOptions): PendingOptions {
  return {
    root: optionalString(options, 'root'),
    base: optionalString(options, 'base'),
    format: requiredChoice(options, 'format', ['table', 'json'], 'table'),
    ...cacheFlag(options),
  };
}

export const pendingSpec = defineCommand({
  usage: 'pending',
  summary:
    'ideas, votes and decisions on remote branches not yet merged: what waits in open pull requests',
  examples: [
    'ideas pending                         # against origin/HEAD (else origin/main)',
    'ideas pending --base origin/develop',
    'git fetch --prune && ideas pending --format json',
  ],
  configure(command) {
    command
      .option(
        '--base <ref>',
        'the default branch (default: origin/HEAD, else origin/main, else origin/master)',
      )
      .addOption(
        new Option('--format <format>', 'output format')
          .choices(['table', 'json'])
          .default('table'),
      )
      .option('--root <dir>', 'the ideas repository (default: found upwards from here)')
      .addOption(cacheOption());
    addJsonFieldsOption(command);
  },
  parse: parsePendingOptions,
  load: () => import('../commands/pending.js'),
});

import { Option } from 'commander';
import { addJsonFieldsOption } from '../json-fields.js';
import type { QueueOptions } from '../commands/queue.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { optionalString, requiredChoice } from '../options.js';
import { addReadOptions, parseReadFlags } from './filters.js';

function parseQueueOptions(options: RawOptions): QueueOptions {
  return {
    ...parseReadFlags(options),
    format: requiredChoice(options, 'format', ['table', 'json'], 'table'),
    team: optionalString(options, 'team'),
    campaign: optionalString(options, 'campaign'),
    since: optionalString(options, 'since'),
  };
}

export const queueSpec = defineCommand({
  usage: 'queue',
  summary:
    'what waits for reviewers: ideas in review (lifecycle.in_review) and new ones over the vote threshold',
  examples: [
    'ideas queue                             # oldest wait first, stale ones marked',
    'ideas queue --format json',
    'ideas queue --team commercial --ref origin/main',
  ],
  configure(command) {
    command
      .addOption(
        new Option('--format <format>', 'output format')
          .choices(['table', 'json'])
          .default('table'),
      )
      .option('--team <team>', 'only ideas of this team and the teams under it')
      .option('--campaign <campaign>', 'only ideas answering this campaign')
      .option('--since <date>', 'only ideas that arrived on or after YYYY-MM-DD');
    addReadOptions(command);
    addJsonFieldsOption(command);
  },
  parse: parseQueueOptions,
  load: () => import('../commands/queue.js'),
});

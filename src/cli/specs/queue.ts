import { Option } from 'commander';
import type { QueueOptions } from '../commands/queue.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { requiredChoice } from '../options.js';
import { addReadOptions, parseReadFlags } from './filters.js';

function parseQueueOptions(options: RawOptions): QueueOptions {
  return {
    ...parseReadFlags(options),
    format: requiredChoice(options, 'format', ['table', 'json'], 'table'),
  };
}

export const queueSpec = defineCommand({
  usage: 'queue',
  summary: 'what waits for reviewers: ideas in review and proposed ones over the vote threshold',
  examples: [
    'ideas queue                             # oldest wait first, stale ones marked',
    'ideas queue --format json',
    'ideas queue --ref origin/main',
  ],
  configure(command) {
    command.addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'),
    );
    addReadOptions(command);
  },
  parse: parseQueueOptions,
  load: () => import('../commands/queue.js'),
});

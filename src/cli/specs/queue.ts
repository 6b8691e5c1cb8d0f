import { Option } from 'commander';
import type { CommandSpec } from '../spec.js';
import { addReadOptions } from './filters.js';

export const queueSpec: CommandSpec = {
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
  load: () => import('../commands/queue.js'),
};

import { Option } from 'commander';
import type { CommandSpec } from '../spec.js';
import { addReadOptions } from './filters.js';

export const showSpec: CommandSpec = {
  usage: 'show <id>',
  summary: 'one idea: its text, status, decisions, votes, customers, theme and similar ideas',
  examples: [
    'ideas show 7kq3xj',
    'ideas show 7kq3xj --format json',
    'ideas show 7kq3xj --ref origin/main     # as merged',
  ],
  configure(command) {
    command.addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    );
    addReadOptions(command);
  },
  load: () => import('../commands/show.js'),
};

import { Option } from 'commander';
import type { CommandSpec } from '../spec.js';
import { RANKING_MODELS } from '../../schema/ranking-models.js';
import { addFilterOptions, addReadOptions } from './filters.js';

export const rankSpec: CommandSpec = {
  usage: 'rank',
  summary: 'ideas in order of score, best first (open ideas unless --status says otherwise)',
  examples: [
    'ideas rank                              # the configured model, open ideas',
    'ideas rank --by rice --limit 10         # top ten by reach × impact × confidence ÷ effort',
    'ideas rank --team commercial --tag logistics',
    'ideas rank --at 2026-10-01              # as the current branch stood at the end of that day',
    'ideas rank --tree                       # themes with their ideas, support rolled up',
    'ideas rank --format csv > ranking.csv',
  ],
  configure(command) {
    command.addOption(
      new Option('--by <model>', 'scoring model (default: ranking.model in the config)').choices(
        RANKING_MODELS,
      ),
    );
    addFilterOptions(command)
      .option('--limit <n>', 'show only the first n')
      .option('--at <date>', 'the repository as it stood on YYYY-MM-DD, read from git history')
      .option('--tree', 'themes with the ideas under them, support rolled up')
      .addOption(
        new Option('--format <format>', 'output format')
          .choices(['table', 'json', 'csv', 'md'])
          .default('table'),
      );
    addReadOptions(command);
  },
  load: () => import('../commands/rank.js'),
};

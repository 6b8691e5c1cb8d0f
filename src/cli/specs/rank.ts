import { Option } from 'commander';
import { addJsonFieldsOption } from '../json-fields.js';
import type { RankOptions } from '../commands/rank.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { RANKING_MODELS } from '../../schema/ranking-models.js';
import { choice, flag, optionalString, requiredChoice } from '../options.js';
import { addFilterOptions, addReadOptions, parseFilterFlags, parseReadFlags } from './filters.js';

export const RANK_FORMATS = [
  'table',
  'json',
  'csv',
  'md',
] as const satisfies readonly RankOptions['format'][];

function parseRankOptions(options: RawOptions): RankOptions {
  return {
    ...parseReadFlags(options),
    by: choice(options, 'by', RANKING_MODELS),
    filters: parseFilterFlags(options),
    limit: optionalString(options, 'limit'),
    at: optionalString(options, 'at'),
    tree: flag(options, 'tree'),
    format: requiredChoice(options, 'format', RANK_FORMATS, 'table'),
  };
}

export const rankSpec = defineCommand({
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
      .option('--tree', 'themes with the ideas under them, support rolled up')
      .addOption(
        new Option('--format <format>', 'output format').choices(RANK_FORMATS).default('table'),
      );
    addReadOptions(command);
    addJsonFieldsOption(command);
  },
  parse: parseRankOptions,
  load: () => import('../commands/rank.js'),
});

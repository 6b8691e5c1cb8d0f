import { Option } from 'commander';
import { ROADMAP_FORMATS } from '../../report/format-roadmap.js';
import type { RoadmapOptions } from '../commands/roadmap.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { optionalString, requiredChoice } from '../options.js';
import { addReadOptions, parseReadFlags } from './filters.js';

function parseRoadmapOptions(options: RawOptions): RoadmapOptions {
  return {
    ...parseReadFlags(options),
    at: optionalString(options, 'at'),
    out: optionalString(options, 'out'),
    format: requiredChoice(options, 'format', ROADMAP_FORMATS, 'text'),
  };
}

export const roadmapSpec = defineCommand({
  usage: 'roadmap',
  summary: 'open ideas past review, by stage, with how long each has stood there',
  examples: [
    'ideas roadmap',
    'ideas roadmap --format md > ROADMAP.md',
    'ideas roadmap --format html --out roadmap.html',
    'ideas roadmap --at 2026-10-01 --format json',
  ],
  configure(command) {
    command
      .option('--out <file>', 'write to this file instead of stdout')
      .addOption(
        new Option('--format <format>', 'output format').choices(ROADMAP_FORMATS).default('text'),
      );
    addReadOptions(command);
  },
  parse: parseRoadmapOptions,
  load: () => import('../commands/roadmap.js'),
});

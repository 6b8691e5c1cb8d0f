import { Option } from 'commander';
import { CHANGES_FORMATS } from '../../format/changes.js';
import type { ChangesOptions } from '../commands/changes.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { flag, optionalString, requiredChoice } from '../options.js';
import { addReadOptions, parseReadFlags } from './filters.js';

function parseChangesOptions(options: RawOptions): ChangesOptions {
  return {
    ...parseReadFlags(options),
    since: optionalString(options, 'since'),
    until: optionalString(options, 'until'),
    for: optionalString(options, 'for'),
    voters: flag(options, 'voters'),
    format: requiredChoice(options, 'format', CHANGES_FORMATS, 'text'),
  };
}

export const changesSpec = defineCommand({
  usage: 'changes',
  summary:
    'what happened in a window: new ideas, status changes with rationale, votes, stale ideas',
  examples: [
    'ideas changes                           # the last 7 days on this branch',
    'ideas changes --since 2026-11-01 --until 2026-11-30',
    'ideas changes --since v1.4 --format md  # since a tag, as a pull-request comment',
    "ideas changes --for alice --voters      # one person's digest, naming who voted",
    'ideas changes --since 2026-11-24 --format json --ref origin/main',
  ],
  configure(command) {
    command
      .option(
        '--since <when>',
        'start: a date (YYYY-MM-DD), a date and time (2026-11-01T09:00Z) or a commit (default: 7 days ago)',
      )
      .option('--until <when>', 'end: a date, a date and time or a commit (default: now)')
      .option('--for <handle>', 'only the ideas this person wrote, voted for or decided on')
      .option('--voters', 'name the voters who came, changed their vote or left')
      .addOption(
        new Option('--format <format>', 'output format').choices(CHANGES_FORMATS).default('text'),
      );
    addReadOptions(command);
  },
  parse: parseChangesOptions,
  load: () => import('../commands/changes.js'),
});

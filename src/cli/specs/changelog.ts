import { Option } from 'commander';
import { CHANGELOG_FORMATS } from '../../format/changelog.js';
import type { ChangelogOptions } from '../commands/changelog.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { optionalString, requiredChoice } from '../options.js';
import { addReadOptions, parseReadFlags } from './filters.js';

function parseChangelogOptions(options: RawOptions): ChangelogOptions {
  return {
    ...parseReadFlags(options),
    since: optionalString(options, 'since'),
    until: optionalString(options, 'until'),
    format: requiredChoice(options, 'format', CHANGELOG_FORMATS, 'md'),
  };
}

export const changelogSpec = defineCommand({
  usage: 'changelog',
  summary: 'ideas delivered in a window, with who to thank and what delivered them',
  examples: [
    'ideas changelog                         # everything delivered so far, as Markdown',
    'ideas changelog --since v1.4 --until v1.5 >> RELEASE-NOTES.md',
    'ideas changelog --since 2026-10-01 --format json',
  ],
  configure(command) {
    command
      .option(
        '--since <when>',
        'start: a date, a date and time or a commit (default: the beginning)',
      )
      .option('--until <when>', 'end: a date, a date and time or a commit (default: now)')
      .addOption(
        new Option('--format <format>', 'output format').choices(CHANGELOG_FORMATS).default('md'),
      );
    addReadOptions(command);
  },
  parse: parseChangelogOptions,
  load: () => import('../commands/changelog.js'),
});

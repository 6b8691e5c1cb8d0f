import type { IndexOptions } from '../commands/index-file.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { flag } from '../options.js';
import { addReadOptions, parseReadFlags } from './filters.js';

function parseIndexOptions(options: RawOptions): IndexOptions {
  return {
    ...parseReadFlags(options),
    check: flag(options, 'check'),
    auto: flag(options, 'auto'),
  };
}

export const indexSpec = defineCommand({
  usage: 'index',
  summary: 'write IDEAS.md, a table of every idea by status; --check fails when it is out of date',
  examples: [
    'ideas index                 # write IDEAS.md at the root',
    'ideas index --check         # in CI: exit 1 when IDEAS.md is out of date',
    'ideas index --auto          # the job on the default branch: write it unless index.auto is false',
    'ideas index --at 2026-10-01 # print IDEAS.md as it stood then; writes nothing',
    'ideas index --check --ref origin/main   # is the IDEAS.md committed there up to date?',
  ],
  configure(command) {
    command
      .option('--check', 'write nothing; exit 1 when IDEAS.md differs from what it should be')
      .option('--auto', 'write nothing when the config turns the index off (index: {auto: false})');
    addReadOptions(command);
  },
  parse: parseIndexOptions,
  load: () => import('../commands/index-file.js'),
});

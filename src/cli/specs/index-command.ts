import type { IndexOptions } from '../commands/index-file.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { flag, optionalString } from '../options.js';

function parseIndexOptions(options: RawOptions): IndexOptions {
  return {
    root: optionalString(options, 'root'),
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
  ],
  configure(command) {
    command
      .option('--check', 'write nothing; exit 1 when IDEAS.md differs from what it should be')
      .option('--auto', 'write nothing when the config turns the index off (index: {auto: false})')
      .option('--root <dir>', 'the ideas repository (default: found upwards from here)');
  },
  parse: parseIndexOptions,
  load: () => import('../commands/index-file.js'),
});

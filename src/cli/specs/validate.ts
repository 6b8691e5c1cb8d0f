import { Option } from 'commander';
import type { ValidateOptions } from '../commands/validate.js';
import { defineCommand, FORMAT_CHOICES, type RawOptions } from '../spec.js';
import { optionalString, requiredChoice } from '../options.js';
import { addReadOptions, parseReadFlags } from './filters.js';

function parseValidateOptions(options: RawOptions): ValidateOptions {
  return {
    ...parseReadFlags(options),
    format: requiredChoice(options, 'format', FORMAT_CHOICES, 'text'),
    changedSince: optionalString(options, 'changedSince'),
  };
}

export const validateSpec = defineCommand({
  usage: 'validate [paths...]',
  summary: 'check every idea, vote and decision file; exit 1 when something is wrong',
  examples: [
    'ideas validate                        # the whole repository',
    'ideas validate ideas/k7q3xj-offer-overnight-shipping.md',
    'ideas validate --format github        # annotations in a GitHub Actions log',
    'ideas validate --format gitlab > gl-code-quality-report.json   # GitLab Code Quality',
    'ideas validate --ref origin/main      # the committed state, no checkout',
    'ideas validate --changed-since origin/main   # what this branch changes, and what that affects',
  ],
  configure(command) {
    command
      .addOption(
        new Option('--format <format>', 'output format').choices(FORMAT_CHOICES).default('text'),
      )
      .option(
        '--changed-since <ref>',
        'check only the files changed since the merge base with this ref, and those they affect',
      );
    addReadOptions(command);
  },
  parse: parseValidateOptions,
  load: () => import('../commands/validate.js'),
});

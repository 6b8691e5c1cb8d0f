import { Option } from 'commander';
import { defineCommand, type RawOptions } from '../spec.js';
import { requiredChoice } from '../options.js';
import type { ExportOptions } from '../commands/export.js';
import { EXPORT_FORMATS } from '../choices.js';
import { addReadOptions, parseReadFlags } from './filters.js';

function parseExportOptions(options: RawOptions): ExportOptions {
  return {
    ...parseReadFlags(options),
    format: requiredChoice(options, 'format', EXPORT_FORMATS, 'json'),
  };
}

export const exportSpec = defineCommand({
  usage: 'export',
  summary: 'every idea with its status, votes and decisions, as one JSON or CSV document',
  examples: [
    'ideas export > ideas.json                    # everything; "ideas import json" reads it back',
    'ideas export --format csv > ideas.csv        # one row per idea, for a spreadsheet',
    'ideas export --ref origin/main               # as merged',
  ],
  configure(command) {
    command.addOption(
      new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('json'),
    );
    addReadOptions(command);
  },
  parse: parseExportOptions,
  load: () => import('../commands/export.js'),
});

import { Argument } from 'commander';
import { defineCommand, type RawOptions } from '../spec.js';
import { flag } from '../options.js';
import type { ImportOptions } from '../commands/import.js';
import { addAuthoringOptions, collect, parseAuthoringFlags } from './authoring-options.js';

export const IMPORT_SOURCES = ['json', 'github', 'canny', 'fider', 'uservoice'] as const;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function parseImportOptions(options: RawOptions): ImportOptions {
  return {
    ...parseAuthoringFlags(options),
    dryRun: flag(options, 'dryRun'),
    reviewer: strings(options.reviewer),
    addPeople: flag(options, 'addPeople'),
    mapStatus: strings(options.mapStatus),
  };
}

export const importSpec = defineCommand({
  usage: 'import',
  summary: 'ideas, votes and decisions from GitHub issues, Canny, Fider, UserVoice, or an export',
  examples: [
    'gh issue list --state all --limit 10000 --json number,title,body,author,createdAt,closedAt,state,labels,reactionGroups,url > issues.json',
    'ideas import github issues.json --dry-run   # what would be written, and what cannot be mapped',
    'ideas import github issues.json --reviewer carol --add-people',
    'ideas import fider posts.csv --map-status "started=accepted"',
    'ideas import json ideas.json                # what "ideas export" wrote',
    'ideas import canny posts.csv --branch       # on a new branch, ready for a pull request',
  ],
  configure(command) {
    command
      .addArgument(new Argument('<source>', 'where the file comes from').choices(IMPORT_SOURCES))
      .addArgument(new Argument('<file>', 'the export to read ("-" for standard input)'))
      .option('--dry-run', 'print what would be written, and write nothing')
      .option(
        '--reviewer <handle>',
        'who signs the decisions the import writes (repeat; default: the first configured reviewers, as many as the quorum)',
        collect,
      )
      .option('--add-people', 'add authors and voters the config does not know to its people')
      .option(
        '--map-status <from=to>',
        'map a status of the source onto the lifecycle ("to" empty: leave open); repeat',
        collect,
      );
    addAuthoringOptions(command);
  },
  parse: parseImportOptions,
  load: () => import('../commands/import.js'),
});

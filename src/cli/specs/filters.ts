/** Flags shared by the read commands that list ideas (rank, list). */
import { Option, type Command } from 'commander';
import { optionalString, readFlags, stringList, type ReadFlags } from '../options.js';
import type { RawOptions } from '../spec.js';

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
];

export function addFilterOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--status <status>',
        'only ideas in this status (repeat or comma-separate; "all" for every status)',
      ).argParser(collect),
    )
    .option('--team <team>', 'only ideas of this team and the teams under it')
    .addOption(
      new Option(
        '--tag <tag>',
        'only ideas with this tag (repeat: every tag must match)',
      ).argParser(collect),
    )
    .option('--campaign <campaign>', 'only ideas answering this campaign');
}

/** One help text for every --at: the moments are read alike everywhere. */
export const AT_HELP =
  'the repository as it stood then: a date (YYYY-MM-DD), a date and time (2026-10-01T12:00Z) or a commit';

/** `--ref`, `--at`, `--root` and `--no-cache`: every read command takes them, worded alike. */
export function addReadOptions(command: Command): Command {
  return command
    .option('--ref <ref>', 'read the repository at this git ref instead of the working tree')
    .option('--at <when>', AT_HELP)
    .option('--root <dir>', 'the ideas repository (default: found upwards from here)')
    .addOption(cacheOption());
}

/** `--no-cache`, worded alike on every read command (addReadOptions, and those without --ref). */
export function cacheOption(): Option {
  return new Option(
    '--no-cache',
    'read and parse every file afresh, using no cached answer (as IDEAS_NO_CACHE=1 does)',
  );
}

export interface FilterFlags {
  status: string[] | undefined;
  team: string | undefined;
  tag: string[] | undefined;
  campaign: string | undefined;
}

export function parseFilterFlags(options: RawOptions): FilterFlags {
  return {
    status: stringList(options, 'status'),
    team: optionalString(options, 'team'),
    tag: stringList(options, 'tag'),
    campaign: optionalString(options, 'campaign'),
  };
}

export function parseReadFlags(options: RawOptions): ReadFlags {
  return readFlags(options);
}

import { Option } from 'commander';
import type { InitOptions } from '../commands/init.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { flag, requiredChoice, stringList } from '../options.js';

export const CI_CHOICES = [
  'github',
  'gitlab',
  'none',
] as const satisfies readonly InitOptions['ci'][];

function parseInitOptions(options: RawOptions): InitOptions {
  return {
    reviewer: stringList(options, 'reviewer') ?? [],
    ci: requiredChoice(options, 'ci', CI_CHOICES, 'github'),
    force: flag(options, 'force'),
    site: flag(options, 'site'),
  };
}

export const initSpec = defineCommand({
  usage: 'init [dir]',
  summary: 'make a folder an ideas repository: config, folders, template, CI workflow, CODEOWNERS',
  examples: [
    'ideas init                         # here',
    'ideas init ideas --reviewer carol --reviewer dave',
    'ideas init --force                 # overwrite files a previous init wrote',
    'ideas init --site                  # and the Pages job for the ideas site',
  ],
  configure(command) {
    command
      .option(
        '--reviewer <handle>',
        'a reviewer (repeatable; default: you, from your git email)',
        collect,
        [],
      )
      .addOption(
        new Option('--ci <forge>', 'which CI files to write').choices(CI_CHOICES).default('github'),
      )
      .option(
        '--site',
        'also write the job that publishes the ideas site to GitHub or GitLab Pages (off until you enable it)',
      )
      .option('--force', 'overwrite files that already exist');
  },
  parse: parseInitOptions,
  load: () => import('../commands/init.js'),
});

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

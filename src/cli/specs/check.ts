import { Option } from 'commander';
import type { CheckOptions } from '../commands/check.js';
import { defineCommand, FORMAT_CHOICES, type RawOptions } from '../spec.js';
import { cacheFlag, flag, optionalString, requiredChoice, requiredString } from '../options.js';
import { cacheOption } from './filters.js';

function parseCheckOptions(options: RawOptions): CheckOptions {
  return {
    root: optionalString(options, 'root'),
    base: requiredString(options, 'base'),
    head: optionalString(options, 'head') ?? 'HEAD',
    actor: optionalString(options, 'actor'),
    openPrs: flag(options, 'openPrs'),
    summary: optionalString(options, 'summary'),
    format: requiredChoice(options, 'format', FORMAT_CHOICES, 'text'),
    ...cacheFlag(options),
  };
}

export const checkSpec = defineCommand({
  usage: 'check',
  summary:
    'pull-request policy for CI: who may change which idea, vote and decision (exit 1 on a violation)',
  examples: [
    'ideas check --base origin/main                       # the changes of HEAD since it left main',
    "ideas check --base origin/main --actor alice         # judge them as alice's",
    'ideas check --base origin/main --open-prs            # also catch ids another branch adds',
    'ideas check --base "origin/$GITHUB_BASE_REF" --format github   # annotations in GitHub Actions',
    'ideas check --base origin/main --summary summary.md   # what the branch does, ranks before and after',
    'ideas check --base origin/main --format gitlab > gl-code-quality-report.json',
  ],
  configure(command) {
    command
      .requiredOption('--base <ref>', 'the branch the pull request merges into, e.g. origin/main')
      .option('--head <ref>', 'the commit to check', 'HEAD')
      .option(
        '--actor <handle>',
        'who made the changes (default: GITHUB_ACTOR, then GITLAB_USER_LOGIN, then the commit authors mapped through people)',
      )
      .option(
        '--open-prs',
        'also compare the ids and budgets of this branch with every other remote branch',
      )
      .option(
        '--summary <file>',
        'append a Markdown summary of what the branch does, with ranks before and after (default: $GITHUB_STEP_SUMMARY when set)',
      )
      .addOption(
        new Option('--format <format>', 'output format').choices(FORMAT_CHOICES).default('text'),
      )
      .option('--root <dir>', 'the ideas repository (default: found upwards from here)')
      .addOption(cacheOption());
  },
  parse: parseCheckOptions,
  load: () => import('../commands/check.js'),
});

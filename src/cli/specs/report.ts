import { Option } from 'commander';
import { addJsonFieldsOption } from '../json-fields.js';
import type { ReportOptions } from '../commands/report.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { choice, flag, optionalString } from '../options.js';
import { addReadOptions, parseReadFlags } from './filters.js';

export const REPORT_FORMATS = [
  'text',
  'md',
  'json',
  'html',
] as const satisfies readonly NonNullable<ReportOptions['format']>[];

function parseReportOptions(options: RawOptions): ReportOptions {
  return {
    ...parseReadFlags(options),
    format: choice(options, 'format', REPORT_FORMATS),
    out: optionalString(options, 'out'),
    open: flag(options, 'open'),
    since: optionalString(options, 'since'),
    team: optionalString(options, 'team'),
    campaign: optionalString(options, 'campaign'),
  };
}

export const reportSpec = defineCommand({
  usage: 'report',
  summary:
    'funnel, latency, participation, trends, top and rising ideas, themes, campaigns, review load, roadmap, people, customers, this period against the last',
  examples: [
    'ideas report                                  # on the terminal',
    'ideas report --format html --out report.html --open',
    'ideas report --format md > report.md          # for a wiki page or a PR comment',
    'ideas report --format json | jq .latency      # every figure, for scripts',
    'ideas report --since 2026-10-01 --team commercial',
    'ideas report --campaign faster-delivery --ref origin/main',
  ],
  configure(command) {
    command
      .addOption(
        new Option(
          '--format <format>',
          'output format (default: text, or from the --out file extension)',
        ).choices(REPORT_FORMATS),
      )
      .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
      .option('--open', 'open the written report in the default browser or viewer')
      .option(
        '--since <date>',
        'only ideas that arrived, and votes and decisions dated, on or after YYYY-MM-DD; also the period compared with the one before (default: the last 90 days)',
      )
      .option('--team <team>', 'only ideas of this team and the teams under it')
      .option('--campaign <name>', 'only ideas answering this campaign');
    addReadOptions(command);
    addJsonFieldsOption(command);
  },
  parse: parseReportOptions,
  load: () => import('../commands/report.js'),
});

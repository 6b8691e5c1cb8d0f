import type { ReviewOptions } from '../commands/review.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { optionalString, requiredString, stringList } from '../options.js';
import { addAuthoringOptions, collect, parseAuthoringFlags } from './authoring-options.js';

function parseReviewOptions(options: RawOptions): ReviewOptions {
  return {
    ...parseAuthoringFlags(options),
    status: requiredString(options, 'status'),
    rationale: optionalString(options, 'rationale'),
    score: stringList(options, 'score'),
    duplicateOf: optionalString(options, 'duplicateOf'),
    implementedBy: stringList(options, 'implementedBy') ?? [],
    reviewer: stringList(options, 'reviewer') ?? [],
  };
}

export const reviewSpec = defineCommand({
  usage: 'review <id>',
  summary: 'record a review decision: the status the idea moves to, and why',
  examples: [
    'ideas review k7q3xj --status reviewing',
    'ideas review k7q3xj --status accepted --score impact=4 --score feasibility=3',
    'ideas review k7q3xj --status rejected --rationale "We ship from one warehouse; not before 2027."',
    'ideas review k7q3xj --status duplicate --duplicate-of m3p9ra --rationale "Same as m3p9ra."',
    'ideas review k7q3xj --status shipped --implemented-by https://github.com/acme/shop/pull/812',
    'ideas review k7q3xj --status accepted --reviewer dave --branch --push   # two signatures, as a PR',
  ],
  configure(command) {
    command
      .requiredOption('--status <status>', 'the status the idea moves to')
      .option(
        '--rationale <text>',
        "why, for the idea's authors (required for rejected, deferred, duplicate)",
      )
      .option(
        '--score <criterion=value>',
        'a score for a configured criterion (repeat for each)',
        collect,
      )
      .option('--duplicate-of <id>', 'the idea this one repeats (with --status duplicate)')
      .option(
        '--implemented-by <ref>',
        'what delivered it: a pull-request or commit URL, a commit id or a tag (repeat for each)',
        collect,
      )
      .option(
        '--reviewer <handle>',
        'another reviewer signing the decision (repeat to reach the quorum)',
        collect,
      );
    addAuthoringOptions(command);
  },
  parse: parseReviewOptions,
  load: () => import('../commands/review.js'),
});

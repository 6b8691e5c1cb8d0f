import type { CommandSpec } from '../spec.js';
import { addAuthoringOptions, collect } from './authoring-options.js';

export const reviewSpec: CommandSpec = {
  usage: 'review <id>',
  summary: 'record a review decision: the status the idea moves to, and why',
  examples: [
    'ideas review 7kq3xj --status reviewing',
    'ideas review 7kq3xj --status accepted --score impact=4 --score feasibility=3',
    'ideas review 7kq3xj --status rejected --rationale "We ship from one warehouse; not before 2027."',
    'ideas review 7kq3xj --status duplicate --duplicate-of 3m9p2a --rationale "Same as 3m9p2a."',
    'ideas review 7kq3xj --status accepted --reviewer dave --branch --push   # two signatures, as a PR',
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
        '--reviewer <handle>',
        'another reviewer signing the decision (repeat to reach the quorum)',
        collect,
      );
    addAuthoringOptions(command);
  },
  load: () => import('../commands/review.js'),
};

import type { VoteOptions } from '../commands/vote.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { flag, optionalString, stringList } from '../options.js';
import { addAuthoringOptions, collect, parseAuthoringFlags } from './authoring-options.js';

export function parseVoteOptions(options: RawOptions): VoteOptions {
  return {
    ...parseAuthoringFlags(options),
    points: optionalString(options, 'points'),
    comment: optionalString(options, 'comment'),
    customer: stringList(options, 'customer') ?? [],
    retract: flag(options, 'retract'),
    as: optionalString(options, 'as'),
  };
}

export const voteSpec = defineCommand({
  usage: 'vote <id>',
  summary: 'write or update your vote for an idea (--retract removes it)',
  examples: [
    'ideas vote k7q3xj                             # one point, as the person your git email maps to',
    'ideas vote k7q3xj --points 3 --comment "Three accounts asked for this" --customer acme',
    'ideas vote k7q3xj --retract',
    'ideas vote k7q3xj --as bob --customer globex  # a reviewer recording a vote heard elsewhere',
  ],
  configure(command) {
    command
      .option(
        '--points <n>',
        'points to give (budget and quadratic voting; -1 when downvotes are on)',
      )
      .option('--comment <text>', 'why: written as the body of the vote')
      .option('--customer <name>', 'a customer whose need you bring in (repeat for more)', collect)
      .option('--retract', 'remove your vote')
      .option(
        '--as <handle>',
        'record the vote of someone else (reviewers only; marked recorded_by)',
      );
    addAuthoringOptions(command);
  },
  parse: parseVoteOptions,
  load: () => import('../commands/vote.js'),
});

import type { CommandSpec } from '../spec.js';
import { addAuthoringOptions, collect } from './authoring-options.js';

export const voteSpec: CommandSpec = {
  usage: 'vote <id>',
  summary: 'write or update your vote for an idea (--retract removes it)',
  examples: [
    'ideas vote 7kq3xj                             # one point, as the person your git email maps to',
    'ideas vote 7kq3xj --points 3 --comment "Three accounts asked for this" --customer acme',
    'ideas vote 7kq3xj --retract',
    'ideas vote 7kq3xj --as bob --customer globex  # a reviewer recording a vote heard elsewhere',
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
  load: () => import('../commands/vote.js'),
};

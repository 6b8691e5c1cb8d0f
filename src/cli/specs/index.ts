/** The command table. Add a command here and in specs/ and commands/. */
import type { CommandSpec } from '../spec.js';
import { demoSpec } from './demo.js';
import { initSpec } from './init.js';
import { validateSpec } from './validate.js';
import { newSpec } from './new.js';
import { voteSpec } from './vote.js';
import { reviewSpec } from './review.js';

export const commandSpecs: readonly CommandSpec[] = [
  initSpec,
  newSpec,
  voteSpec,
  reviewSpec,
  validateSpec,
  demoSpec,
];

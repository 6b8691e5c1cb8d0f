/** The command table. Add a command here and in specs/ and commands/. */
import type { CommandSpec } from '../spec.js';
import { validateSpec } from './validate.js';
import { newSpec } from './new.js';
import { voteSpec } from './vote.js';
import { reviewSpec } from './review.js';

export const commandSpecs: readonly CommandSpec[] = [validateSpec, newSpec, voteSpec, reviewSpec];

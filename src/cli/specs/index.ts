/** The command table. Add a command here and in specs/ and commands/. */
import type { CommandSpec } from '../spec.js';
import { checkSpec } from './check.js';
import { demoSpec } from './demo.js';
import { initSpec } from './init.js';
import { pendingSpec } from './pending.js';
import { validateSpec } from './validate.js';

export const commandSpecs: readonly CommandSpec[] = [
  initSpec,
  validateSpec,
  checkSpec,
  pendingSpec,
  demoSpec,
];

/** The command table. Add a command here and in specs/ and commands/. */
import type { CommandSpec } from '../spec.js';
import { demoSpec } from './demo.js';
import { initSpec } from './init.js';
import { validateSpec } from './validate.js';
import { reportSpec } from './report.js';
import { indexSpec } from './index-command.js';

export const commandSpecs: readonly CommandSpec[] = [
  initSpec,
  validateSpec,
  demoSpec,
  reportSpec,
  indexSpec,
];

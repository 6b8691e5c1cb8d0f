import { parseRule } from '../../rule.js';

export const fieldRequired = parseRule(
  'field/required',
  'error',
  'Every required field of the record kind is present.',
);

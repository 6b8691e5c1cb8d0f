import { parseRule } from '../../rule.js';

export const fieldInvalid = parseRule(
  'field/invalid',
  'error',
  'Every field has the right type and form (ids, handles, dates, numbers).',
);

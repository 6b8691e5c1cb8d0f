import { parseRule } from '../../rule.js';

export const fieldUnknown = parseRule(
  'field/unknown',
  'warning',
  'Fields the record kind does not define are warned (a typo loses data).',
);

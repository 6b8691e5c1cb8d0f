import { parseRule } from '../../rule.js';

// Config errors stop every command with exit 2 before any rule runs; what reaches validation is warnings.
export const configInvalid = parseRule(
  'config/invalid',
  'warning',
  'Settings ideas.config.yaml does not define are warned; any other config problem stops every command with exit 2.',
);

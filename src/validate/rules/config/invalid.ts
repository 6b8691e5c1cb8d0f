import { parseRule } from '../../rule.js';

// Found by the config parser, not here: listed so the README's table names every rule id users see.
export const configInvalid = parseRule(
  'config/invalid',
  'error',
  'ideas.config.yaml is valid YAML with settings of the right types that fit together (unknown settings are warned); a bad config stops the command with exit 2.',
);

import { parseRule } from '../../rule.js';

export const frontMatterNotMapping = parseRule(
  'front-matter/not-mapping',
  'error',
  'The front matter is a non-empty mapping of fields.',
);

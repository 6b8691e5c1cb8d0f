import { parseRule } from '../../rule.js';

export const frontMatterTooLarge = parseRule(
  'front-matter/too-large',
  'error',
  'The front matter has at most 10,000 YAML nodes and does not nest thousands deep.',
);

import { parseRule } from '../../rule.js';

export const frontMatterMissing = parseRule(
  'front-matter/missing',
  'error',
  'A record starts with YAML front matter between two "---" lines.',
);

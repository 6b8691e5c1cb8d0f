import { parseRule } from '../../rule.js';

export const frontMatterDuplicateKey = parseRule(
  'front-matter/duplicate-key',
  'error',
  'No key appears twice in one front matter.',
);

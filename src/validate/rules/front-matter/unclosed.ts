import { parseRule } from '../../rule.js';

export const frontMatterUnclosed = parseRule(
  'front-matter/unclosed',
  'error',
  'The front matter ends with a "---" line.',
);

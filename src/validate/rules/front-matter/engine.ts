import { parseRule } from '../../rule.js';

export const frontMatterEngine = parseRule(
  'front-matter/engine',
  'error',
  'Front matter is YAML only: "---js" and other engines are refused, never run.',
);

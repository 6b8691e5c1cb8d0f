import { parseRule } from '../../rule.js';

export const frontMatterAlias = parseRule(
  'front-matter/alias',
  'error',
  'No YAML anchors or aliases that share structure (bounds alias bombs).',
);

import { parseRule } from '../../rule.js';

export const frontMatterYaml = parseRule(
  'front-matter/yaml',
  'error',
  'The front matter parses as YAML.',
);

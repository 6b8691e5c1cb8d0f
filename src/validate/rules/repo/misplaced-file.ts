import { parseRule } from '../../rule.js';

export const repoMisplacedFile = parseRule(
  'repo/misplaced-file',
  'error',
  'Files in ideas/, votes/ and decisions/ are .md records in the right folder.',
);

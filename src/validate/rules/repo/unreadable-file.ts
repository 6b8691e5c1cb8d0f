import { parseRule } from '../../rule.js';

export const repoUnreadableFile = parseRule(
  'repo/unreadable-file',
  'error',
  'Records are regular text files under 1 MiB: links, binaries, oversized files and pipes or devices are reported, not read.',
);

/** Which commit ids and tags exist here, asked of git in one process for any number of names. */
import { runGit, type GitDir } from './git-process.js';

export function existingRevisions(
  root: GitDir,
  names: ReadonlySet<string>,
): Set<string> | undefined {
  if (names.size === 0) return new Set();
  const list = [...names];
  // Names go on stdin, one a line: never where git reads options.
  const input = list.map((name) => `${name}^{commit}\n`).join('');
  const result = runGit(root, ['cat-file', '--batch-check=%(objectname)'], input);
  if (result.status !== 0) return undefined;
  const lines = result.stdout.toString('utf8').split('\n');
  const found = new Set<string>();
  list.forEach((name, i) => {
    if (!(lines[i] ?? '').endsWith(' missing') && /^[0-9a-f]{40,64}$/.test(lines[i] ?? ''))
      found.add(name);
  });
  return found;
}

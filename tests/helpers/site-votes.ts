/**
 * A repository with one idea whose votes outgrow its page: `votes` voters, named `v000`, `v001`,
 * …, one a day from 2026-07-01 so "oldest first" is the numbering. One vote carries hostile text.
 */
import { BASE_TREE, ideaText } from './forge.js';
import type { Tree } from './repo.js';

export const MANY_VOTES_IDEA = 'many01';
export const HOSTILE_VOTER = 'v002';

export function manyVotesTree(votes: number): Tree {
  const tree: Tree = {
    ...BASE_TREE,
    [`ideas/${MANY_VOTES_IDEA}-popular.md`]: ideaText(MANY_VOTES_IDEA, 'Popular <b>idea</b>', [
      'alice',
    ]),
  };
  for (let i = 0; i < votes; i++) {
    const voter = `v${String(i).padStart(3, '0')}`;
    const date = new Date(Date.UTC(2026, 6, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const comment =
      voter === HOSTILE_VOTER ? '<script>alert(1)</script> [x](javascript:alert(1))' : '';
    tree[`votes/${MANY_VOTES_IDEA}/${voter}.md`] =
      `---\nidea: ${MANY_VOTES_IDEA}\nvoter: ${voter}\npoints: 1\ndate: ${date}\n---\n${comment}\n`;
  }
  return tree;
}

/**
 * A repository whose lists outgrow one page of the site: one team with more open ideas than two
 * pages hold, more closed ideas than its first page previews, and a theme with more ideas than
 * its page shows. Small files, so building its site stays quick.
 */
import type { Tree } from './repo.js';

export const BIG_TEAM = 'sales';
export const BIG_THEME = 'theme1';

export function bigTeamTree(open: number, closed: number, underTheme: number): Tree {
  const tree: Tree = {
    'ideas.config.yaml': `version: 1
teams:
  company: {}
  ${BIG_TEAM}: {parent: company}
people:
  alice: {emails: [alice@example.com], team: ${BIG_TEAM}}
  bob: {emails: [bob@example.com]}
  carol: {emails: [carol@example.com]}
reviewers: [carol]
`,
    [`ideas/${BIG_THEME}-grow.md`]: idea(BIG_THEME, 'Grow the north', 'kind: theme\n'),
  };
  for (let i = 0; i < open + closed; i++) {
    const id = `p${String(i).padStart(4, '0')}`;
    const parent = i < underTheme ? `parent: ${BIG_THEME}\n` : '';
    tree[`ideas/${id}-idea-${i}.md`] = idea(id, `Idea number ${i}`, `team: ${BIG_TEAM}\n${parent}`);
    // Votes fall with the number, so the ranking (votes) is the numbering.
    if (i % 3 === 0) tree[`votes/${id}/bob.md`] = vote(id, 'bob');
    if (i % 2 === 0) tree[`votes/${id}/carol.md`] = vote(id, 'carol');
    if (i >= open)
      tree[`decisions/${id}/2026-11-20-rejected.md`] = `---
idea: ${id}
status: rejected
date: 2026-11-20
reviewers: [carol]
---
Not now: the team has other priorities.
`;
  }
  return tree;
}

function idea(id: string, title: string, fields: string): string {
  return `---
id: ${id}
title: ${title}
authors: [alice]
${fields}created: 2026-11-01
---
## Problem
Customers keep asking.

## Proposal
Try it.

## Evidence
Tickets.
`;
}

function vote(id: string, voter: string): string {
  return `---
idea: ${id}
voter: ${voter}
points: 1
date: 2026-11-10
---
`;
}

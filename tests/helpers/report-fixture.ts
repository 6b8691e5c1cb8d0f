/**
 * A small ideas repository built commit by commit at set dates, so every report figure can be
 * computed by hand (tests/report-core.test.ts works them out in its comments). Front-matter
 * dates are deliberately wrong (2025-06-01) so a test can tell git dates from them.
 */
import { commitAll, makeRepo, writeTree, type Tree } from './repo.js';

export const CONFIG = `version: 1
teams:
  company: {name: Example Co}
  eng: {parent: company}
  web: {parent: eng}
  sales: {parent: company}
people:
  ann: {team: web}
  ben: {team: web}
  cat: {team: sales}
  dan: {team: eng}
  eve: {team: company}
reviewers: [rev]
review:
  threshold: 2
  stale_after_days: 30
campaigns:
  speed: {question: "How do we go faster?", closes: 2026-12-04}
`;

const BODY =
  '\n## Problem\nIt is slow.\n\n## Proposal\nMake it fast.\n\n## Evidence\nUsers said so.\n';

export function idea(
  id: string,
  fields: { title: string; authors: string[]; team?: string; extra?: string },
): Tree {
  const slug = fields.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    [`ideas/${id}-${slug || 'idea'}.md`]: `---\nid: ${id}\ntitle: ${JSON.stringify(fields.title)}\nauthors: [${fields.authors.join(', ')}]\n${fields.team ? `team: ${fields.team}\n` : ''}created: 2025-06-01\n${fields.extra ?? ''}---\n${BODY}`,
  };
}

export function vote(id: string, voter: string, extra = ''): Tree {
  return {
    [`votes/${id}/${voter}.md`]: `---\nidea: ${id}\nvoter: ${voter}\npoints: 1\ndate: 2025-06-01\n${extra}---\n`,
  };
}

export function decision(id: string, date: string, status: string, extra = ''): Tree {
  return {
    [`decisions/${id}/${date}-${status}.md`]: `---\nidea: ${id}\nstatus: ${status}\ndate: ${date}\nreviewers: [rev]\n${extra}---\nBecause we looked at it closely.\n`,
  };
}

/** Writes `tree` and commits it with author and committer date `day` at noon UTC. */
export function commitOn(root: string, day: string, tree: Tree, message = `records of ${day}`) {
  writeTree(root, tree);
  commitAll(root, message, `${day}T12:00:00Z`);
}

/** The history the core tests reason about, one commit a step. */
export function buildHistoryRepo(): string {
  const root = makeRepo({}, { commit: false });
  commitOn(root, '2026-01-01', {
    'ideas.config.yaml': CONFIG,
    ...idea('aaa1', { title: 'Faster builds', authors: ['ann'], team: 'web' }),
    ...idea('bbb2', { title: 'Discount codes', authors: ['cat'], team: 'sales' }),
  });
  commitOn(root, '2026-01-11', decision('aaa1', '2026-01-11', 'reviewing'));
  commitOn(root, '2026-01-21', {
    ...idea('ccc3', {
      title: 'Cache the catalogue',
      authors: ['dan'],
      team: 'eng',
      extra: 'campaign: speed\n',
    }),
    ...vote('aaa1', 'ben'),
    ...vote('aaa1', 'cat', 'customers: [Acme]\n'),
    ...vote('bbb2', 'eve'),
  });
  commitOn(root, '2026-02-10', {
    ...decision('aaa1', '2026-02-10', 'accepted'),
    ...decision('bbb2', '2026-02-10', 'rejected'),
  });
  commitOn(root, '2026-03-12', {
    ...decision('aaa1', '2026-03-12', 'prototyping'),
    ...decision('ccc3', '2026-03-12', 'reviewing'),
    ...vote('ccc3', 'ann'),
  });
  commitOn(root, '2026-04-11', decision('aaa1', '2026-04-11', 'validated'));
  commitOn(root, '2026-05-01', decision('aaa1', '2026-05-01', 'shipped'));
  commitOn(root, '2026-10-01', {
    ...idea('ddd4', { title: 'Company newsletter', authors: ['eve'], team: 'company' }),
    ...vote('ddd4', 'ann'),
    ...vote('ddd4', 'ben'),
  });
  return root;
}

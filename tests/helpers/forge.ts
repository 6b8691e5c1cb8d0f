/**
 * A small forge for policy tests: an ideas repository pushed to a bare remote, with people who
 * commit under their own emails, so `origin/main`, remote branches and authorship are all real.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { git, makeRepo, tempDir, writeTree, type Tree } from './repo.js';

export const PEOPLE = ['alice', 'bob', 'carol', 'dave', 'erin'] as const;
export type Person = (typeof PEOPLE)[number];

export const CONFIG = `version: 1
people:
${PEOPLE.map((p) => `  ${p}: {emails: [${p}@example.com]}`).join('\n')}
reviewers: [carol, dave]
review:
  quorum: 1
`;

export function ideaText(id: string, title: string, authors: string[], extra = ''): string {
  return `---
id: ${id}
title: ${title}
authors: [${authors.join(', ')}]
created: 2026-11-01
---
## Problem
Customers keep asking for ${title.toLowerCase()}.

## Proposal
Try it with three customers for a month.

## Evidence
Twelve tickets last quarter.${extra}
`;
}

export function voteText(idea: string, voter: string, extra = ''): string {
  return `---
idea: ${idea}
voter: ${voter}
points: 1
date: 2026-11-10
${extra}---
Useful for my accounts.
`;
}

export function decisionText(
  idea: string,
  status: string,
  date: string,
  reviewers: string[],
): string {
  return `---
idea: ${idea}
status: ${status}
date: ${date}
reviewers: [${reviewers.join(', ')}]
---
The reviewers looked at it and agree on ${status}.
`;
}

/** The merged state every test starts from. */
export const BASE_TREE: Tree = {
  'ideas.config.yaml': CONFIG,
  'ideas/shipa1-overnight-shipping.md': ideaText('shipa1', 'Overnight shipping', ['alice']),
  'ideas/chat22-live-chat.md': ideaText('chat22', 'Live chat', ['dave']),
  'votes/shipa1/bob.md': voteText('shipa1', 'bob'),
  'decisions/shipa1/2026-11-12-reviewing.md': decisionText('shipa1', 'reviewing', '2026-11-12', [
    'carol',
  ]),
};

export interface Forge {
  /** A clone with `origin` pointing at the bare remote, on main. */
  root: string;
  remote: string;
}

export function envOf(person: string): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: person,
    GIT_AUTHOR_EMAIL: `${person}@example.com`,
    GIT_COMMITTER_NAME: person,
    GIT_COMMITTER_EMAIL: `${person}@example.com`,
    GIT_CONFIG_NOSYSTEM: '1',
  };
}

export function gitAs(cwd: string, person: string, ...args: string[]): string {
  return gitAsOn(cwd, person, undefined, ...args);
}

/** As `person`, and with `day` (YYYY-MM-DD) as author and committer date at noon UTC when given. */
function gitAsOn(cwd: string, person: string, day: string | undefined, ...args: string[]): string {
  const dated =
    day === undefined
      ? {}
      : { GIT_AUTHOR_DATE: `${day}T12:00:00Z`, GIT_COMMITTER_DATE: `${day}T12:00:00Z` };
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...envOf(person), ...dated },
  });
}

/** With `allowFilter`, the server lets a clone leave blobs out (`--filter=blob:none`). */
export function makeForge(tree: Tree = BASE_TREE, options: { allowFilter?: boolean } = {}): Forge {
  const root = makeRepo(tree);
  const remote = join(tempDir('ideas-remote-'), 'remote.git');
  git(root, 'init', '-q', '--bare', '-b', 'main', remote);
  git(root, 'remote', 'add', 'origin', remote);
  git(root, 'push', '-q', '-u', 'origin', 'main');
  if (options.allowFilter) git(remote, 'config', 'uploadpack.allowFilter', 'true');
  return { root, remote };
}

/** A new branch off main with one commit by `person`: files written (or removed when null). */
export function branchAs(
  forge: Forge,
  person: string,
  branch: string,
  files: Record<string, string | null>,
  options: { push?: boolean } = {},
): void {
  git(forge.root, 'checkout', '-q', '-B', branch, 'main');
  commitAs(forge.root, person, files, `${person} changes ${Object.keys(files).join(', ')}`);
  if (options.push) git(forge.root, 'push', '-q', '-f', 'origin', branch);
}

/** One commit by `person` writing `files` (removing those set to null), on `day` when given. */
export function commitAs(
  root: string,
  person: string,
  files: Record<string, string | null>,
  message: string,
  day?: string,
): void {
  const written: Tree = {};
  for (const [path, text] of Object.entries(files)) {
    if (text === null) rmSync(join(root, path), { force: true });
    else written[path] = text;
  }
  writeTree(root, written);
  gitAsOn(root, person, day, 'add', '-A');
  gitAsOn(root, person, day, 'commit', '-q', '--allow-empty', '-m', message);
}

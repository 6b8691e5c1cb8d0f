/** Fixtures for the authoring tests: a configured ideas repository, people, a bare remote. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BIN, type CliResult } from './cli.js';
import { git, makeRepo, tempDir } from './repo.js';

export const CONFIG = `version: 1
teams:
  company: {}
  sales: {parent: company}
  ops: {parent: company}
people:
  alice: {emails: [alice@example.com], team: sales}
  bob: {emails: [bob@example.com], team: ops}
  carol: {emails: [carol@example.com]}
  dave: {emails: [dave@example.com]}
reviewers: [carol, dave]
voting: {mode: budget, budget: 5}
review: {criteria: [impact, feasibility], quorum: 1}
campaigns:
  faster-delivery: {question: "How do we get orders to customers faster?", closes: 2027-01-31}
  last-year: {question: "What did we miss?", closes: 2026-01-31}
`;

export const BODY = `## Problem
Customers keep asking sales for next-morning delivery.

## Proposal
Try one courier in one city for a month.

## Evidence
Ten tickets last month asked for it.
`;

export function idea(id: string, title: string, extra = '', body = BODY): string {
  return `---\nid: ${id}\ntitle: ${title}\nauthors: [alice]\nteam: sales\ncreated: 2026-11-01\n${extra}---\n${body}`;
}

export const TREE = {
  'ideas.config.yaml': CONFIG,
  'ideas/ship01-offer-overnight-shipping.md': idea('ship01', 'Offer overnight shipping'),
  'ideas/theme01-delivery.md': idea(
    'theme01',
    'Faster delivery',
    'kind: theme\n',
    '## Problem\nDelivery is slow.\n\n## Proposal\nGroup delivery ideas.\n\n## Evidence\nSurveys.\n',
  ),
  'ideas/price01-price-list-cache.md': idea(
    'price01',
    'Cache the price list in the quoting tool',
    '',
    '## Problem\nQuotes take a minute to load the price list.\n\n## Proposal\nKeep a local cache of prices, refreshed hourly.\n\n## Evidence\nSupport tickets about slow quotes.\n',
  ),
};

/** A repository whose git user is `email` (a person of the config). */
export function makeIdeasRepo(
  email = 'alice@example.com',
  tree: Record<string, string> = TREE,
): string {
  const root = makeRepo(tree);
  setUser(root, email);
  return root;
}

export function setUser(root: string, email: string): void {
  git(root, 'config', 'user.email', email);
  git(root, 'config', 'user.name', email.split('@')[0] ?? 'someone');
}

/**
 * A bare remote the clone pushes to, while the configured URL reads as `forgeUrl`
 * (url.<bare>.insteadOf), so the printed pull-request URL is the forge's own.
 */
export function addBareRemote(
  root: string,
  forgeUrl = 'https://github.com/acme/ideas.git',
): string {
  const bare = join(tempDir('ideas-remote-'), 'remote.git');
  git(root, 'init', '-q', '--bare', '-b', 'main', bare);
  git(root, 'remote', 'add', 'origin', forgeUrl);
  git(root, 'config', `url.${bare}.insteadOf`, forgeUrl);
  git(root, 'push', '-q', '-u', 'origin', 'main');
  git(root, 'remote', 'set-head', 'origin', '--auto');
  return bare;
}

/** The built binary, asynchronously: for running two commands at once. */
export function runBinaryAsync(
  argv: string[],
  options: { cwd: string; env?: Record<string, string>; stdin?: string },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', IDEAS_TODAY: '2026-11-24', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** A body unlike every fixture idea: no similarity warning. */
export const OTHER_BODY = `## Problem
Night shift operators cannot find the runbook for the label printers.

## Proposal
Pin the runbook link on every printer with a QR sticker.

## Evidence
Four incidents in October waited for the morning team.
`;

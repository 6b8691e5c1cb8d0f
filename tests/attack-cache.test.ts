/**
 * Attacks on the whole-result cache (src/cache/): the same key for a different answer. Each case
 * runs the built binary twice under different conditions and compares the second answer with
 * what the same command prints with --no-cache.
 */
import { describe, expect, it } from 'vitest';
import { runBinary, type CliResult } from './helpers/cli.js';
import { git, makeRepo } from './helpers/repo.js';

const config = 'version: 1\nreviewers: [carol]\nteams:\n  web: {}\n';
const idea = (id: string, title: string) =>
  `---\nid: ${id}\ntitle: ${title}\nauthors: [alice]\nteam: web\ncreated: 2026-11-01\n---\n## Problem\nSlow.\n\n## Proposal\nFast.\n\n## Evidence\nTickets.\n`;

function sample(): string {
  return makeRepo({
    'ideas.config.yaml': config,
    'ideas/abc123-fast.md': idea('abc123', 'Fast'),
    'ideas/def456-cheap.md': idea('def456', 'Cheap'),
  });
}

function run(root: string, args: string[], env: Record<string, string> = {}): CliResult {
  return runBinary(args, { cwd: root, env: { IDEAS_CACHE_TRACE: '1', ...env } });
}

/** The answer as the cache gives it after `warm` ran, against the same command uncached. */
function expectFresh(root: string, warm: string[], args: string[]) {
  run(root, warm);
  const cached = run(root, args);
  const uncached = run(root, [...args, '--no-cache']);
  expect(cached.stdout).toBe(uncached.stdout);
  expect(cached.code).toBe(uncached.code);
}

describe('the result cache never answers for another request', () => {
  it('report --ref names the ref asked for, not the one a cached answer was made for', () => {
    const root = sample();
    git(root, 'branch', 'release');
    for (const format of ['text', 'md'])
      expectFresh(
        root,
        ['report', '--ref', 'main', '--format', format],
        ['report', '--ref', 'release', '--format', format],
      );
  }, 120_000);
});

// The parse cache keyed by git blob id: same answers with and without it, never stale.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary } from './helpers/cli.js';
import { commitAll, makeRepo } from './helpers/repo.js';

const config = 'version: 1\nreviewers: [carol]\n';
const idea = (title: string) =>
  `---\nid: abc123\ntitle: ${title}\nauthors: [alice]\ncreated: 2026-11-01\n---\n## Problem\nSlow.\n\n## Proposal\nFast.\n\n## Evidence\nTickets.\n`;

describe('the parse cache', () => {
  it('gives the same result on a second run, from the working tree and from a ref', () => {
    const root = makeRepo({
      'ideas.config.yaml': config,
      'ideas/abc123-fast.md': idea('Fast'),
      'votes/abc123/bob.md': '---\nidea: abc123\nvoter: bob\ndate: 2026-11-02\npoints: 3\n---\n',
    });
    const first = runBinary(['validate', '--format', 'json'], { cwd: root });
    expect(existsSync(join(root, '.git', 'ideas', 'parse-cache.v8'))).toBe(true);
    const second = runBinary(['validate', '--format', 'json'], { cwd: root });
    expect(second.stdout).toBe(first.stdout);
    expect(JSON.parse(second.stdout).problems.map((p: { rule: string }) => p.rule)).toEqual([
      'vote/points',
    ]);
    const fromRef = runBinary(['validate', '--format', 'json', '--ref', 'HEAD'], { cwd: root });
    expect(fromRef.stdout).toBe(first.stdout);
    const uncached = runBinary(['validate', '--format', 'json'], {
      cwd: root,
      env: { IDEAS_NO_CACHE: '1' },
    });
    expect(uncached.stdout).toBe(first.stdout);
  });

  it('never serves a stale parse: edits in the working tree and new commits are read', () => {
    const root = makeRepo({ 'ideas.config.yaml': config, 'ideas/abc123-fast.md': idea('Fast') });
    expect(runBinary(['validate'], { cwd: root }).code).toBe(0);
    writeFileSync(
      join(root, 'ideas/abc123-fast.md'),
      idea('Fast').replace('authors: [alice]\n', ''),
    );
    const edited = runBinary(['validate', '--format', 'json'], { cwd: root });
    expect(edited.code).toBe(1);
    expect(JSON.parse(edited.stdout).problems[0].rule).toBe('field/required');
    commitAll(root, 'break it');
    const committed = runBinary(['validate', '--format', 'json', '--ref', 'HEAD'], { cwd: root });
    expect(JSON.parse(committed.stdout).problems[0].rule).toBe('field/required');
    expect(runBinary(['validate', '--ref', 'HEAD~1'], { cwd: root }).code).toBe(0);
  });

  it('starts empty when the cache file is damaged', () => {
    const root = makeRepo({ 'ideas.config.yaml': config, 'ideas/abc123-fast.md': idea('Fast') });
    runBinary(['validate'], { cwd: root });
    writeFileSync(join(root, '.git', 'ideas', 'parse-cache.v8'), 'not a cache');
    const result = runBinary(['validate'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

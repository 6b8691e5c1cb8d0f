// The parse cache keyed by git blob id: same answers with and without it, never stale.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary } from './helpers/cli.js';
import { commitAll, git, makeRepo } from './helpers/repo.js';

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
    expect(readdirSync(join(root, '.git', 'ideas', 'parse-cache')).length).toBeGreaterThan(0);
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

  it('a partial read adds to what a full read kept and drops none of it', () => {
    const vote = (idea: string, voter: string) =>
      `---\nidea: ${idea}\nvoter: ${voter}\ndate: 2026-11-02\n---\n`;
    const root = makeRepo({
      'ideas.config.yaml': config,
      'ideas/abc123-fast.md': idea('Fast'),
      'ideas/def456-slow.md': idea('Slow').replace('abc123', 'def456'),
      'votes/abc123/bob.md': vote('abc123', 'bob'),
      'votes/def456/bob.md': vote('def456', 'bob'),
      'votes/def456/erin.md': vote('def456', 'erin'),
    });
    const kept = () => {
      const folder = join(root, '.git', 'ideas', 'parse-cache');
      return new Set(
        readdirSync(folder).flatMap((shard) => [
          ...(
            deserialize(readFileSync(join(folder, shard))) as { entries: Map<string, unknown> }
          ).entries.keys(),
        ]),
      );
    };
    expect(runBinary(['validate'], { cwd: root }).code).toBe(0);
    const full = kept();
    // Three ideas' and votes' parses: two ideas, three votes.
    expect(full.size).toBe(5);
    // show reads every idea and the votes on one: the other idea's votes stay cached.
    // The edit staged: a blob git knows, so its parse is kept too.
    writeFileSync(join(root, 'ideas/abc123-fast.md'), idea('Faster'));
    git(root, 'add', 'ideas/abc123-fast.md');
    expect(runBinary(['show', 'abc123'], { cwd: root }).code).toBe(0);
    const after = kept();
    expect([...full].filter((key) => !after.has(key))).toEqual([]);
    expect(after.size).toBe(6);
  });

  it('starts empty when the cache file is damaged', () => {
    const root = makeRepo({ 'ideas.config.yaml': config, 'ideas/abc123-fast.md': idea('Fast') });
    runBinary(['validate'], { cwd: root });
    const folder = join(root, '.git', 'ideas', 'parse-cache');
    for (const shard of readdirSync(folder)) writeFileSync(join(folder, shard), 'not a cache');
    const result = runBinary(['validate'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

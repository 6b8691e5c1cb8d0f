/** `ideas index [--check]`: IDEAS.md written deterministically, and CI told when it is stale. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary, runCli } from './helpers/cli.js';
import { git, tempDir } from './helpers/repo.js';
import { buildHistoryRepo, commitOn, decision, idea, vote } from './helpers/report-fixture.js';

describe('ideas index', () => {
  it('--check fails on a missing or stale index, passes after ideas index', async () => {
    const root = buildHistoryRepo();
    const missing = await runCli(['index', '--check'], { cwd: root });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('IDEAS.md is missing: run "ideas index"');

    const written = await runCli(['index'], { cwd: root });
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('wrote IDEAS.md (4 ideas)');
    const fresh = await runCli(['index', '--check'], { cwd: root });
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('IDEAS.md is up to date');

    // A new vote changes a count: the committed index is now stale.
    commitOn(root, '2026-11-10', vote('ccc3', 'ben'));
    const stale = await runCli(['index', '--check'], { cwd: root });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(
      'IDEAS.md is out of date: run "ideas index" and commit IDEAS.md',
    );
    expect(stale.stdout).toBe('');
    expect((await runCli(['index'], { cwd: root })).code).toBe(0);
    expect((await runCli(['index', '--check'], { cwd: root })).code).toBe(0);
  });

  it('groups ideas by status in lifecycle order, links each id to its file', async () => {
    const root = buildHistoryRepo();
    await runCli(['index'], { cwd: root });
    const text = readFileSync(join(root, 'IDEAS.md'), 'utf8');
    const headings = text.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## Proposed (1)',
      '## Reviewing (1)',
      '## Shipped (1)',
      '## Rejected (1)',
    ]);
    expect(text).toContain(
      '| [`ccc3`](ideas/ccc3-cache-the-catalogue.md) | Cache the catalogue | reviewing | eng | 1 | 1 |',
    );
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no generation date: the file is deterministic
  });

  it('is byte-identical on a second run and on another day, and tolerates CRLF checkouts', async () => {
    const root = buildHistoryRepo();
    await runCli(['index'], { cwd: root });
    const first = readFileSync(join(root, 'IDEAS.md'), 'utf8');
    await runCli(['index'], { cwd: root, env: { IDEAS_TODAY: '2027-06-01' } });
    expect(readFileSync(join(root, 'IDEAS.md'), 'utf8')).toBe(first);
    writeFileSync(join(root, 'IDEAS.md'), first.replace(/\n/g, '\r\n'));
    expect((await runCli(['index', '--check'], { cwd: root })).code).toBe(0);
  });

  it('escapes titles for Markdown: a pipe or newline cannot break the table', async () => {
    const root = buildHistoryRepo();
    commitOn(root, '2026-11-10', {
      ...idea('ppp1', { title: 'A | B\n<script>x</script>', authors: ['ann'] }),
      ...decision('ppp1', '2026-11-10', 'withdrawn'),
    });
    await runCli(['index'], { cwd: root });
    const row = readFileSync(join(root, 'IDEAS.md'), 'utf8')
      .split('\n')
      .find((line) => line.includes('ppp1'));
    expect(row).toBe(
      '| [`ppp1`](ideas/ppp1-a-b-script-x-script.md) | A \\| B \\<script\\>x\\</script\\> | withdrawn | web | 0 | 0 |',
    );
  });

  it('a fresh ideas init passes --check, and its CI regenerates it on main, never on a PR', async () => {
    const root = tempDir();
    git(root, 'init', '-q', '-b', 'main');
    expect((await runCli(['init', '--reviewer', 'carol'], { cwd: root })).code).toBe(0);
    const check = await runCli(['index', '--check'], { cwd: root });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const workflow = readFileSync(join(root, '.github', 'workflows', 'ideas.yml'), 'utf8');
    expect(workflow).toContain('"$IDEAS" index --auto');
    expect(workflow).not.toContain('index --check');
  });

  it('the built binary gives the same exit codes (CI runs it)', async () => {
    const root = buildHistoryRepo();
    expect(runBinary(['index', '--check'], { cwd: root }).code).toBe(1);
    expect(runBinary(['index'], { cwd: root }).code).toBe(0);
    expect(runBinary(['index', '--check'], { cwd: root }).code).toBe(0);
  });
});

describe('ideas index at a commit', () => {
  it('--check --ref judges the IDEAS.md committed there, not the working tree', async () => {
    const root = buildHistoryRepo();
    expect((await runCli(['index'], { cwd: root })).code).toBe(0);
    git(root, 'add', 'IDEAS.md');
    git(root, 'commit', '-q', '-m', 'index');
    const fresh = await runCli(['index', '--check', '--ref', 'main'], { cwd: root });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('IDEAS.md is up to date at main');
    // A vote committed without the index: main's IDEAS.md is stale, whatever the tree holds.
    commitOn(root, '2026-11-10', vote('ccc3', 'ben'));
    expect((await runCli(['index'], { cwd: root })).code).toBe(0);
    const stale = await runCli(['index', '--check', '--ref', 'main'], { cwd: root });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('IDEAS.md is out of date at main');
    // Before IDEAS.md was first committed it is missing there.
    const early = await runCli(['index', '--check', '--at', '2026-03-12'], { cwd: root });
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('IDEAS.md is missing at 2026-03-12');
  });
});

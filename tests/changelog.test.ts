/** `ideas changelog`: delivered ideas in a window, thanked and linked, on a real dated history. */
import { describe, expect, it } from 'vitest';
import type { Changelog } from '../src/history/changelog.js';
import { runCli } from './helpers/cli.js';
import { git } from './helpers/repo.js';
import { buildHistoryRepo, commitOn, decision } from './helpers/report-fixture.js';

async function changelog(root: string, ...args: string[]) {
  const result = await runCli(['changelog', ...args], { cwd: root });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('ideas changelog', () => {
  it('lists aaa1, shipped 2026-05-01, with its author, the voters who backed it and their customer', async () => {
    const root = buildHistoryRepo();
    const json = JSON.parse(await changelog(root, '--format', 'json')) as Changelog & {
      schema: number;
    };
    expect(json.schema).toBe(1);
    expect(json.delivered.map((d) => [d.id, d.status, d.delivered])).toEqual([
      ['aaa1', 'shipped', '2026-05-01'],
    ]);
    expect(json.delivered[0]).toMatchObject({
      authors: ['ann'],
      voters: ['ben', 'cat'],
      customers: ['Acme'],
    });
    expect(json.thanks).toEqual({ authors: ['ann'], voters: ['ben', 'cat'], customers: ['Acme'] });
  });

  it('a window that ends before the delivery, or starts after it, lists nothing', async () => {
    const root = buildHistoryRepo();
    expect(await changelog(root, '--until', '2026-04-30', '--format', 'text')).toContain(
      'Nothing was delivered in this window.',
    );
    expect(await changelog(root, '--since', '2026-05-02', '--format', 'text')).toContain(
      'Nothing was delivered in this window.',
    );
    const may = await changelog(
      root,
      '--since',
      '2026-05-01',
      '--until',
      '2026-05-01',
      '--format',
      'text',
    );
    expect(may).toContain('2026-05-01  aaa1  Faster builds  [shipped]');
  });

  it('links the idea and implemented_by on the forge of the remote, escaped', async () => {
    const root = buildHistoryRepo();
    git(root, 'remote', 'add', 'origin', 'git@github.com:acme/ideas.git');
    git(root, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    git(root, 'symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
    git(root, 'tag', 'v2.0');
    commitOn(
      root,
      '2026-11-01',
      decision(
        'ccc3',
        '2026-11-01',
        'accepted',
        'implemented_by: ["https://github.com/acme/shop/pull/9 (x)", v2.0]\n',
      ),
    );
    // The shipping decision, amended to say what delivered it.
    commitOn(
      root,
      '2026-11-02',
      decision(
        'aaa1',
        '2026-05-01',
        'shipped',
        'implemented_by: ["https://github.com/acme/shop/pull/9 (x)", v2.0, 0a1b2c3d]\n',
      ),
    );
    // ccc3 reviewing -> accepted is not a delivery; aaa1's is.
    const md = await changelog(root);
    expect(md).toContain(
      '  - implemented by [github.com/acme/shop/pull/9%20\\(x\\)](https://github.com/acme/shop/pull/9%20%28x%29), [`v2.0`](https://github.com/acme/ideas/releases/tag/v2.0), [`0a1b2c3d`](https://github.com/acme/ideas/commit/0a1b2c3d)',
    );
    expect(md).toContain(
      '- **[Faster builds](https://github.com/acme/ideas/blob/main/ideas/aaa1-faster-builds.md)** (`aaa1`, shipped 2026-05-01)',
    );
    expect(md).toContain('  - backed by ben, cat (2 voters)');
    expect(md).toContain('  - asked for by Acme');
    expect(md).not.toContain('ccc3');
  });
});

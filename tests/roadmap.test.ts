/** `ideas roadmap` on a real dated history: stages, days in stage, --at, formats, links. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Roadmap } from '../src/report/roadmap.js';
import { runCli } from './helpers/cli.js';
import { git, GIT_ENV, tempDir } from './helpers/repo.js';
import { buildHistoryRepo } from './helpers/report-fixture.js';

async function roadmap(root: string, ...args: string[]) {
  const result = await runCli(['roadmap', ...args], { cwd: root });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('ideas roadmap', () => {
  it('at 2026-03-31, aaa1 has stood in prototyping since 03-12 (19 days); ccc3 is still in review', async () => {
    const root = buildHistoryRepo();
    const r = JSON.parse(
      await roadmap(root, '--at', '2026-03-31', '--format', 'json'),
    ) as Roadmap & {
      schema: number;
    };
    expect(r.schema).toBe(1);
    expect(r.today).toBe('2026-03-31');
    expect(r.stages.map((s) => s.status)).toEqual(['accepted', 'prototyping', 'validated']);
    expect(r.stages[1]?.ideas.map((i) => [i.id, i.since, i.days, i.votes])).toEqual([
      ['aaa1', '2026-03-12', 19, 2],
    ]);
    expect(r.stages.flatMap((s) => s.ideas).map((i) => i.id)).not.toContain('ccc3');
    expect(r.byTeam).toEqual([{ team: 'web', ideas: 1 }]);
  });

  it('a delivered idea leaves the roadmap', async () => {
    const root = buildHistoryRepo();
    const r = JSON.parse(await roadmap(root, '--format', 'json')) as Roadmap;
    expect(r.stages.flatMap((s) => s.ideas)).toEqual([]);
  });

  it('--at a commit gives what a checkout of that commit gives', async () => {
    const root = buildHistoryRepo();
    const commit = git(root, 'rev-list', '-1', '--before=2026-04-20T00:00:00Z', 'HEAD').trim();
    const atCommit = await roadmap(root, '--at', commit, '--format', 'json');
    const checkout = join(tempDir(), 'checkout');
    execFileSync('git', ['clone', '-q', root, checkout], { env: { ...process.env, ...GIT_ENV } });
    git(checkout, 'checkout', '-q', commit);
    const fromCheckout = await runCli(['roadmap', '--format', 'json'], {
      cwd: checkout,
      env: { IDEAS_TODAY: '2026-04-11' },
    });
    expect(fromCheckout.stdout).toBe(atCommit);
    expect((JSON.parse(atCommit) as Roadmap).stages[2]?.ideas.map((i) => i.id)).toEqual(['aaa1']);
  });

  it('text, Markdown and HTML say the same', async () => {
    const root = buildHistoryRepo();
    const text = await roadmap(root, '--at', '2026-03-31');
    expect(text).toContain('PROTOTYPING (1)');
    expect(text).toContain('aaa1  Faster builds  19 d since 2026-03-12  2 votes  by ann, web');
    const md = await roadmap(root, '--at', '2026-03-31', '--format', 'md');
    expect(md).toContain('| `aaa1` | Faster builds | 19 | 2026-03-12 | 2 | ann | web |  |');
    const html = await roadmap(root, '--at', '2026-03-31', '--format', 'html');
    expect(html).toContain(
      "Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-",
    );
    expect(html).toContain('<td class="t">Faster builds</td><td class="n">19</td>');
    expect(html).not.toContain('<script');
  });
});

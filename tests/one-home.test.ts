/**
 * Every figure that two commands show is the same figure: queue vs report, rank --tree vs the
 * report's themes, delivered counts and totals in the report, IDEAS.md and list, reviewer load
 * of configured reviewers only. Run on the demo (default lifecycle) and on a generated
 * repository with a PEP-like lifecycle whose done status is "final", where the funnel, the
 * delivered list, themes, IDEAS.md and the queue must follow the config.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { commitOn, idea as ideaFile } from './helpers/report-fixture.js';
import { makeRepo, tempDir, type Tree } from './helpers/repo.js';
import { PEP_LIFECYCLE } from './helpers/lifecycles.js';

const TODAY = '2026-11-24';

const PEP_CONFIG = `version: 1
people:
  ann: {}
  bob: {}
  guido: {}
  barry: {}
  v1: {}
  v2: {}
  v3: {}
  v4: {}
  v5: {}
reviewers: [guido, barry]
voting:
  mode: budget
  budget: 3
review:
  threshold: 2
  stale_after_days: 60
${PEP_LIFECYCLE}`;

function decisionFile(id: string, day: string, status: string, by: string, extra = ''): Tree {
  return {
    [`decisions/${id}/${day}-${status}.md`]: `---\nidea: ${id}\nstatus: ${status}\ndate: ${day}\nreviewers: [${by}]\n${extra}---\nWe read it through.\n`,
  };
}

function voteFile(id: string, voter: string, points: number, day: string): Tree {
  return {
    [`votes/${id}/${voter}.md`]: `---\nidea: ${id}\nvoter: ${voter}\npoints: ${points}\ndate: ${day}\n---\n`,
  };
}

/** 16 proposals under one theme or none, votes spending more than the budget, every ending. */
function buildPepRepo(): string {
  const root = makeRepo({}, { commit: false });
  const ids = Array.from({ length: 16 }, (_, k) => `pep${String(k + 1).padStart(2, '0')}`);
  commitOn(root, '2026-01-05', {
    'ideas.config.yaml': PEP_CONFIG,
    ...ideaFile('theme1', {
      title: 'Faster interpreter',
      authors: ['ann'],
      extra: 'kind: theme\n',
    }),
    ...Object.assign(
      {},
      ...ids.map((id, k) =>
        ideaFile(id, {
          title: `Proposal ${id}`,
          authors: [k % 2 === 0 ? 'ann' : 'bob'],
          extra: k < 8 ? 'parent: theme1\n' : '',
        }),
      ),
    ),
  });
  const votes: Tree = {};
  ids.forEach((id, k) => {
    for (const [n, voter] of ['v1', 'v2', 'v3', 'v4', 'v5'].entries())
      if ((k + n) % 3 !== 0)
        Object.assign(votes, voteFile(id, voter, 1 + ((k + n) % 2), '2026-02-01'));
  });
  commitOn(root, '2026-02-01', votes);
  const [a, b, c, d, e, f, g, h] = ids as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  commitOn(root, '2026-03-01', {
    ...decisionFile(a, '2026-03-01', 'accepted', 'guido'),
    ...decisionFile(b, '2026-03-01', 'accepted', 'barry'),
    ...decisionFile(c, '2026-03-01', 'accepted', 'guido'),
    ...decisionFile(d, '2026-03-01', 'rejected', 'barry'),
    // An author withdrawing their own idea: not reviewer load.
    ...decisionFile(e, '2026-03-01', 'withdrawn', 'ann'),
  });
  commitOn(root, '2026-05-01', {
    ...decisionFile(a, '2026-05-01', 'final', 'guido'),
    ...decisionFile(b, '2026-05-01', 'final', 'barry'),
    ...decisionFile(f, '2026-05-01', 'accepted', 'guido'),
    ...decisionFile(g, '2026-05-01', 'accepted', 'guido'),
  });
  commitOn(root, '2026-09-01', {
    // Superseded names its successor; its votes follow to it.
    ...decisionFile(b, '2026-09-01', 'superseded', 'guido', `duplicate_of: ${h}\n`),
    ...decisionFile(f, '2026-09-01', 'final', 'barry'),
  });
  return root;
}

async function json<T>(root: string, argv: string[]): Promise<T> {
  const result = await runCli(argv, { cwd: root, env: { IDEAS_TODAY: TODAY } });
  expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout) as T;
}

interface TreeNode {
  id: string;
  kind: string;
  rolled: { votes: number; points: number };
  children: TreeNode[];
}

function findNode(nodes: TreeNode[], id: string): TreeNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

interface ReportJson {
  totals: { ideas: number; themes: number; delivered: number };
  lifecycle: { main: string[]; done: string[] };
  funnel: { stages: { status: string; done: boolean }[] };
  themes: { id: string; voters: number; points: number; delivered: number }[];
  review: {
    queue: {
      id: string;
      status: string;
      waitingSince: string;
      waitingDays: number;
      votes: number;
    }[];
    reviewers: { reviewer: string; decisions: number }[];
    authorWithdrawals: number;
  };
  delivered: { id: string; status: string }[];
}

/** Every figure shown twice, compared; returns the report for lifecycle-specific checks. */
async function expectOneAnswer(root: string): Promise<ReportJson> {
  const config = readFileSync(join(root, 'ideas.config.yaml'), 'utf8');
  const report = await json<ReportJson>(root, ['report', '--format', 'json']);
  const queue = await json<ReportJson['review']['queue']>(root, ['queue', '--format', 'json']);
  const tree = await json<TreeNode[]>(root, [
    'rank',
    '--tree',
    '--status',
    'all',
    '--format',
    'json',
  ]);
  const ranked = await json<{ id: string; votes: number; points: number }[]>(root, [
    'rank',
    '--status',
    'all',
    '--format',
    'json',
  ]);
  const list = await json<{ id: string; kind: string; status: string }[]>(root, [
    'list',
    '--status',
    'all',
    '--format',
    'json',
  ]);
  expect((await runCli(['index'], { cwd: root, env: { IDEAS_TODAY: TODAY } })).code).toBe(0);
  const index = readFileSync(join(root, 'IDEAS.md'), 'utf8');

  // Queue entries and their dates: one list.
  const pick = (q: ReportJson['review']['queue']) =>
    q.map(({ id, status, waitingSince, waitingDays, votes }) => ({
      id,
      status,
      waitingSince,
      waitingDays,
      votes,
    }));
  expect(queue.length).toBeGreaterThan(0);
  expect(pick(report.review.queue)).toEqual(pick(queue));

  // Theme voters and points: one support count.
  expect(report.themes.length).toBeGreaterThan(0);
  for (const theme of report.themes) {
    const node = findNode(tree, theme.id);
    expect(node?.rolled, theme.id).toEqual({ votes: theme.voters, points: theme.points });
  }
  // show agrees with rank on every idea's votes and points.
  for (const entry of ranked.slice(0, 5)) {
    const shown = await json<{ votes: number; points: number }>(root, [
      'show',
      entry.id,
      '--format',
      'json',
    ]);
    expect({ votes: shown.votes, points: shown.points }, entry.id).toEqual({
      votes: entry.votes,
      points: entry.points,
    });
  }

  // Totals and delivered counts: counted one way in the report, list and IDEAS.md.
  const ideas = list.filter((row) => row.kind === 'idea');
  const themes = list.filter((row) => row.kind === 'theme');
  const delivered = ideas.filter((row) => report.lifecycle.done.includes(row.status));
  expect(report.totals.ideas).toBe(ideas.length);
  expect(report.totals.themes).toBe(themes.length);
  expect(report.totals.delivered).toBe(delivered.length);
  expect(report.delivered.map((row) => row.id).sort()).toEqual(
    delivered.map((row) => row.id).sort(),
  );
  expect(index).toContain(
    `${ideas.length} ideas and ${themes.length} theme${themes.length === 1 ? '' : 's'}, ${delivered.length} delivered (${report.lifecycle.done.join(' or ')})`,
  );

  // Reviewer load: the configured reviewers, no one else.
  const reviewers = /^reviewers: \[(.*)\]$/m.exec(config)?.[1]?.split(/,\s*/) ?? [];
  expect(report.review.reviewers.map((row) => row.reviewer).sort()).toEqual([...reviewers].sort());
  return report;
}

describe('one answer per figure', () => {
  it('on the demo', async () => {
    const dir = join(tempDir(), 'demo');
    expect((await runCli(['demo', '--dir', dir], { cwd: tempDir() })).code).toBe(0);
    const report = await expectOneAnswer(dir);
    expect(report.lifecycle.done).toEqual(['shipped']);
    // quinn withdrew their own idea in the demo: counted apart, not as a reviewer.
    expect(report.review.authorWithdrawals).toBeGreaterThan(0);
  }, 120_000);

  it('on a PEP-like lifecycle: the funnel, delivered, themes, IDEAS.md and the queue follow the config', async () => {
    const root = buildPepRepo();
    const validate = await runCli(['validate'], { cwd: root, env: { IDEAS_TODAY: TODAY } });
    // Valid but for the budget: votes over it are what the clipping in the support count is for.
    const errors = (validate.stdout + validate.stderr)
      .split('\n')
      .filter((line) => /\serror\s/.test(line));
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) expect(line).toContain('vote/budget');
    const report = await expectOneAnswer(root);

    expect(report.funnel.stages.map((s) => [s.status, s.done])).toEqual([
      ['draft', false],
      ['accepted', false],
      ['final', true],
    ]);
    // pep01 and pep06 are final; pep02 went final then superseded: not delivered now.
    expect(report.delivered.map((row) => row.id).sort()).toEqual(['pep01', 'pep06']);
    expect(report.totals.delivered).toBe(2);
    expect(report.themes.find((t) => t.id === 'theme1')?.delivered).toBe(2);
    // No in-review status in this lifecycle: the queue is drafts with 2+ voters.
    expect(new Set(report.review.queue.map((q) => q.status))).toEqual(new Set(['draft']));
    expect(report.review.authorWithdrawals).toBe(1);
    expect(report.review.reviewers).toEqual([
      expect.objectContaining({ reviewer: 'guido', decisions: 6 }),
      expect.objectContaining({ reviewer: 'barry', decisions: 4 }),
    ]);

    const text = (await runCli(['report'], { cwd: root, env: { IDEAS_TODAY: TODAY } })).stdout;
    expect(text).toContain('DELIVERED AND THANKED');
    expect(text).not.toMatch(/shipped|reviewing/i);
    const html = (
      await runCli(['report', '--format', 'html'], { cwd: root, env: { IDEAS_TODAY: TODAY } })
    ).stdout;
    expect(html).not.toMatch(/shipped|reviewing/i);
    const index = readFileSync(join(root, 'IDEAS.md'), 'utf8');
    expect(index).toContain('## Final (2)');
    expect(index).not.toMatch(/shipped/i);
    // Superseded names its successor: pep02's voters count for pep08.
    const shown = await json<{ countsFor: string | null }>(root, [
      'show',
      'pep02',
      '--format',
      'json',
    ]);
    expect(shown.countsFor).toBe('pep08');
  }, 120_000);
});

/**
 * Budget and quadratic voting: a voter's votes on open ideas count, oldest first, up to the
 * budget; points on closed ideas are given back. Every figure worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { readRepository } from '../../src/read/repository.js';
import { rankIdeas } from '../../src/rank/rank.js';
import { affordable } from '../../src/model/support.js';
import { runCli } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';
import { configFile, decisionFile, ideaFile, voteFile } from './fixture.js';

function votingTree(voting: string, votes: [string, string, string, number][]) {
  return {
    ...configFile(voting),
    ...ideaFile({ id: 'one', created: '2026-01-01' }),
    ...ideaFile({ id: 'two', created: '2026-01-02' }),
    ...ideaFile({ id: 'three', created: '2026-01-03' }),
    ...ideaFile({ id: 'closed', created: '2026-01-04' }),
    ...decisionFile('closed', '2026-10-15', 'rejected', { rationale: 'Not now.' }),
    ...Object.assign(
      {},
      ...votes.map(([idea, voter, date, points]) => voteFile(idea, voter, date, points)),
    ),
  };
}

async function rankOf(tree: Record<string, string>, statuses?: string[]) {
  const root = makeRepo(tree, { git: false });
  const { repo } = await readRepository({ root, env: process.env });
  const ranked = rankIdeas(repo, {
    model: 'weighted',
    today: '2026-11-24',
    ...(statuses ? { statuses } : {}),
  });
  return { root, ranked, byId: Object.fromEntries(ranked.map((entry) => [entry.idea.id, entry])) };
}

describe('budget voting (budget 5)', () => {
  const tree = votingTree('mode: budget, budget: 5', [
    // ann's 4 points on a rejected idea are given back: they do not spend her budget.
    ['closed', 'ann', '2026-09-01', 4],
    ['one', 'ann', '2026-10-01', 3], // spends 3, 2 left
    ['two', 'ann', '2026-10-02', 3], // only 2 fit: counted as 2
    ['three', 'ann', '2026-10-03', 2], // nothing left: counted as 0, so not a voter
    ['three', 'ben', '2026-10-03', 1],
  ]);

  it('counts votes up to the budget in date order and says which were cut', async () => {
    const { byId, ranked } = await rankOf(tree);
    expect(ranked.map((entry) => entry.idea.id)).toEqual(['one', 'two', 'three']);
    expect([byId.one?.points, byId.two?.points, byId.three?.points]).toEqual([3, 2, 1]);
    expect(byId.three?.votes).toBe(1);
    expect(byId.two?.clipped).toEqual([{ voter: 'ann', idea: 'two', given: 3, counted: 2 }]);
    expect(byId.three?.clipped).toEqual([{ voter: 'ann', idea: 'three', given: 2, counted: 0 }]);
    expect(byId.one?.clipped).toEqual([]);
  });

  it('a closed idea keeps its votes in full when asked for', async () => {
    const { byId } = await rankOf(tree, ['rejected']);
    expect(byId.closed?.points).toBe(4);
    expect(byId.closed?.clipped).toEqual([]);
  });

  it('the table says so under the ranking, JSON carries it per idea', async () => {
    const root = makeRepo(tree, { git: false });
    const table = await runCli(['rank', '--by', 'weighted'], { cwd: root });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(
      'Over budget: counted up to the budget of 5, oldest votes first:\n  ann on two: 3 points, 2 counted\n  ann on three: 2 points, 0 counted\n',
    );
    const json = await runCli(['rank', '--by', 'weighted', '--format', 'json'], { cwd: root });
    const rows = JSON.parse(json.stdout) as { id: string; overBudget: unknown[] }[];
    expect(rows.find((row) => row.id === 'two')?.overBudget).toEqual([
      { voter: 'ann', given: 3, counted: 2 },
    ]);
    expect(json.stderr).toContain('Over budget');
  });
});

describe('quadratic voting (budget 10)', () => {
  const tree = votingTree('mode: quadratic, budget: 10', [
    ['one', 'ann', '2026-10-01', 3], // costs 9, 1 left
    ['two', 'ann', '2026-10-02', 2], // would cost 4: 1 point (cost 1) fits
    ['three', 'ann', '2026-10-03', 1], // nothing left
    ['one', 'ben', '2026-10-01', 1],
    ['three', 'ben', '2026-10-02', 3], // ben: 1 + 9 = 10, exactly the budget
  ]);

  it('n points cost n²; the vote that crosses the budget counts what still fits', async () => {
    const { byId } = await rankOf(tree);
    expect([byId.one?.points, byId.two?.points, byId.three?.points]).toEqual([4, 1, 3]);
    expect(byId.two?.clipped).toEqual([{ voter: 'ann', idea: 'two', given: 2, counted: 1 }]);
    expect(byId.three?.clipped).toEqual([{ voter: 'ann', idea: 'three', given: 1, counted: 0 }]);
  });

  it('affordable() keeps the sign and never goes over', () => {
    expect(affordable('quadratic', 3, 8)).toBe(2);
    expect(affordable('quadratic', -3, 8)).toBe(-2);
    expect(affordable('budget', 4, 3)).toBe(3);
    expect(affordable('budget', 4, 0)).toBe(0);
  });
});

describe('duplicates under a budget', () => {
  it('a voter who backed both an idea and its duplicate counts once, spending once', async () => {
    const tree = {
      ...votingTree('mode: budget, budget: 3', [
        ['one', 'ann', '2026-10-05', 2],
        ['two', 'ann', '2026-10-01', 2], // two is a duplicate of one: ann's own vote on one wins
        ['two', 'ben', '2026-10-01', 2], // ben's counts for one
      ]),
      ...decisionFile('two', '2026-11-01', 'duplicate', { duplicateOf: 'one', rationale: 'Same.' }),
    };
    const { byId } = await rankOf(tree);
    expect(byId.two).toBeUndefined();
    expect(byId.one).toMatchObject({ votes: 2, points: 4, clipped: [] });
  });
});

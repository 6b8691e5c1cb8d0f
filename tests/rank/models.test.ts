/** Every model on the hand-built repository: orders and scores worked out by hand. */
import { describe, expect, it } from 'vitest';
import { readRepository } from '../../src/read/repository.js';
import { rankIdeas, type RankOptions } from '../../src/rank/rank.js';
import {
  scoreHot,
  scoreIce,
  scoreRice,
  scoreWsjf,
  wilsonLowerBound,
} from '../../src/rank/models.js';
import { makeRepo } from '../helpers/repo.js';
import { handBuiltTree } from './fixture.js';

const TODAY = '2026-11-24';

async function rank(options: Partial<RankOptions> = {}) {
  const root = makeRepo(handBuiltTree(), { git: false });
  const { repo } = await readRepository({ root, env: process.env });
  expect(repo.problems).toEqual([]);
  return rankIdeas(repo, { today: TODAY, ...options });
}

const ids = (ranked: { idea: { id: string } }[]) => ranked.map((entry) => entry.idea.id);
const scores = (ranked: { idea: { id: string }; score: number | null }[]) =>
  Object.fromEntries(ranked.map((entry) => [entry.idea.id, entry.score]));

describe('scoring models on the hand-built repository', () => {
  it('votes: distinct voters, a duplicate folded in once per voter; ties by age then id', async () => {
    const ranked = await rank({ model: 'votes' });
    // alpha: alice, bob, carol (via dupe; bob's vote on dupe is the same voter) = 3.
    // gamma and beta have 2 each: gamma is older. theme, delta, eta have 0: theme is oldest,
    // delta and eta share a day, so delta (by id) comes first. dupe (duplicate) and old
    // (shipped) are closed. eta is in review, still open.
    expect(ids(ranked)).toEqual(['alpha', 'gamma', 'beta', 'theme', 'delta', 'eta']);
    expect(scores(ranked)).toEqual({ alpha: 3, gamma: 2, beta: 2, theme: 0, delta: 0, eta: 0 });
    const alpha = ranked[0]!;
    expect(alpha.support.map((vote) => [vote.voter, vote.from])).toEqual([
      ['alice', 'alpha'],
      ['bob', 'alpha'],
      ['carol', 'dupe'],
    ]);
  });

  it('weighted: the sum of points, a downvote cancelling an upvote', async () => {
    const ranked = await rank({ model: 'weighted' });
    // beta: +1 -1 = 0, so it falls among the zeros, ordered by age: theme, beta, delta, eta.
    expect(ids(ranked)).toEqual(['alpha', 'gamma', 'theme', 'beta', 'delta', 'eta']);
    expect(scores(ranked)).toMatchObject({ alpha: 3, gamma: 2, beta: 0 });
    expect(ranked.find((entry) => entry.idea.id === 'beta')).toMatchObject({
      votes: 2,
      points: 0,
    });
  });

  it('rice: reach × impact × confidence ÷ effort; a tie by age; missing estimates last', async () => {
    const ranked = await rank({ model: 'rice' });
    // alpha 100×2×0.5÷4 = 25; beta 50×1×1÷2 = 25: alpha is older.
    expect(ids(ranked)).toEqual(['alpha', 'beta', 'theme', 'gamma', 'delta', 'eta']);
    expect(scores(ranked)).toEqual({
      alpha: 25,
      beta: 25,
      theme: null,
      gamma: null,
      delta: null,
      eta: null,
    });
    const missing = Object.fromEntries(ranked.map((entry) => [entry.idea.id, entry.missing]));
    expect(missing.gamma).toBe(
      'no estimates.reach, estimates.impact, estimates.confidence, estimates.effort',
    );
    expect(missing.delta).toBe('estimates.effort is 0 (it divides the score)');
    expect(missing.alpha).toBeUndefined();
  });

  it('ice: impact × confidence × ease; an idea lacking only ease says so', async () => {
    const ranked = await rank({ model: 'ice' });
    // beta 1×1×5 = 5; alpha has no ease. Unscored ones by age: theme, alpha, gamma, delta, eta.
    expect(ids(ranked)).toEqual(['beta', 'theme', 'alpha', 'gamma', 'delta', 'eta']);
    expect(ranked[0]!.score).toBe(5);
    expect(ranked[2]!.missing).toBe('no estimates.ease');
  });

  it('wsjf: (value + time criticality + risk reduction) ÷ job size', async () => {
    const ranked = await rank({ model: 'wsjf' });
    // alpha (3+2+1)÷2 = 3; beta (1+1+1)÷1 = 3: a tie, alpha older.
    expect(ids(ranked).slice(0, 2)).toEqual(['alpha', 'beta']);
    expect(scores(ranked)).toMatchObject({ alpha: 3, beta: 3, gamma: null });
  });

  it('wilson: lower bound of the 95 % interval, z = 1.96', async () => {
    const ranked = await rank({ model: 'wilson' });
    expect(ids(ranked)).toEqual(['alpha', 'gamma', 'beta', 'theme', 'delta', 'eta']);
    // By hand, n = up + down, p = up / n:
    // (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) ÷ (1 + z²/n)
    // 3 up: (1 + 0.64027 − 0.64027·1) ... = 1 ÷ 2.28053 = 0.43849
    // 2 up: 1 ÷ 2.9208 = 0.34237;  1 up 1 down: (1.4604 − 1.18430) ÷ 2.9208 = 0.09453
    expect(ranked[0]!.score).toBeCloseTo(0.43849, 5);
    expect(ranked[1]!.score).toBeCloseTo(0.34237, 5);
    expect(ranked[2]!.score).toBeCloseTo(0.09453, 5);
    expect(ranked[3]!.score).toBe(0);
  });

  it('hot: points halved every half-life (10 days) of a vote’s age', async () => {
    const ranked = await rank({ model: 'hot' });
    // alpha: alice 23 days 0.5^2.3 = 0.20306, bob 10 days 0.5, carol 5 days 0.5^0.5 = 0.70711:
    // 1.41017.
    // gamma: alice today 1 + bob 20 days 0.25 = 1.25. beta: +1 −1 today = 0.
    expect(ids(ranked)).toEqual(['alpha', 'gamma', 'theme', 'beta', 'delta', 'eta']);
    expect(ranked[0]!.score).toBeCloseTo(1.41017, 5);
    expect(ranked[1]!.score).toBe(1.25);
  });

  it('uses the configured model when none is asked for', async () => {
    expect(ids(await rank())).toEqual(ids(await rank({ model: 'votes' })));
  });
});

describe('filters', () => {
  it('--status picks statuses, closed ones included', async () => {
    const ranked = await rank({ statuses: ['shipped', 'duplicate'] });
    expect(ids(ranked)).toEqual(['old', 'dupe']);
    // A duplicate's votes count for its target, so the duplicate itself has none left.
    expect(ranked.map((entry) => entry.votes)).toEqual([1, 0]);
  });

  it('--team includes the teams under it', async () => {
    expect(ids(await rank({ team: 'commercial' }))).toEqual(['alpha', 'gamma']);
    expect(ids(await rank({ team: 'company' }))).toEqual(['alpha', 'gamma', 'beta']);
    expect(ids(await rank({ team: 'sales' }))).toEqual(['alpha']);
  });

  it('--tag needs every tag; --campaign matches the campaign', async () => {
    expect(ids(await rank({ tags: ['y'] }))).toEqual(['alpha', 'beta']);
    expect(ids(await rank({ tags: ['x', 'y'] }))).toEqual(['alpha']);
    expect(ids(await rank({ campaign: 'faster' }))).toEqual(['beta']);
  });
});

describe('model functions', () => {
  const base = { votes: [], today: TODAY, halfLifeDays: 30 };

  it('never divide by zero or crash on absent input', () => {
    expect(scoreRice({ ...base, estimates: {} })).toEqual({
      score: null,
      missing: 'no estimates.reach, estimates.impact, estimates.confidence, estimates.effort',
    });
    expect(
      scoreWsjf({
        ...base,
        estimates: { value: 1, time_criticality: 1, risk_reduction: 1, job_size: 0 },
      }),
    ).toEqual({
      score: null,
      missing: 'estimates.job_size is 0 (it divides the score)',
    });
    expect(scoreIce({ ...base, estimates: { impact: 0, confidence: 1, ease: 3 } })).toEqual({
      score: 0,
    });
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(0, 4)).toBe(0);
  });

  it('hot: a vote dated after today counts as new, not more', () => {
    const vote = { voter: 'a', points: 2, date: '2026-12-24', from: 'x', customers: [] };
    expect(scoreHot({ ...base, estimates: {}, votes: [vote] })).toEqual({ score: 2 });
    const monthOld = { ...vote, date: '2026-10-25' };
    expect(scoreHot({ ...base, estimates: {}, votes: [monthOld] }).score).toBeCloseTo(1, 10);
  });
});

describe('stable order', () => {
  it('does not depend on the order files were read in', async () => {
    const fc = await import('fast-check');
    const root = makeRepo(handBuiltTree(), { git: false });
    const { repo } = await readRepository({ root, env: process.env });
    const models = ['votes', 'weighted', 'rice', 'ice', 'wsjf', 'wilson', 'hot'] as const;
    const expected = models.map((model) => ids(rankIdeas(repo, { model, today: TODAY })));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(repo.votes, { minLength: repo.votes.length }),
        fc.shuffledSubarray([...repo.ideasById.values()], { minLength: repo.ideasById.size }),
        (votes, ideas) => {
          const shuffled = {
            ...repo,
            votes,
            ideasById: new Map(ideas.map((idea) => [idea.id, idea])),
          };
          models.forEach((model, i) =>
            expect(ids(rankIdeas(shuffled, { model, today: TODAY }))).toEqual(expected[i]),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});

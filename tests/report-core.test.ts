/**
 * `ideas report --format json` on a history built commit by commit at known dates; every
 * expected figure is worked out by hand in the comments. Git dates differ from the
 * front-matter dates on purpose (those say 2025-06-01), so a pass means git history was used.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { buildHistoryRepo } from './helpers/report-fixture.js';
import type { Report } from '../src/report/report.js';

async function reportOf(root: string, ...args: string[]): Promise<Report> {
  const result = await runCli(['report', '--format', 'json', ...args], { cwd: root });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

describe('ideas report on a hand-built history', () => {
  it('computes every figure from the git dates', async () => {
    const root = buildHistoryRepo();
    const report = await reportOf(root);

    expect(report.schema).toBe(2);
    expect(report.dates).toMatchObject({ source: 'git', note: null, shallow: false });
    expect(report.totals).toEqual({
      ideas: 4,
      themes: 0,
      delivered: 1,
      votes: 6,
      decisions: 7,
      authors: 4,
      voters: 4,
      customers: 1,
    });

    // Reached: all 4 proposed; aaa1 and ccc3 got to reviewing; only aaa1 went further.
    expect(report.funnel.stages.map((s) => [s.status, s.reached, s.current, s.conversion])).toEqual(
      [
        ['proposed', 4, 1, 0.5],
        ['reviewing', 2, 1, 0.5],
        ['accepted', 1, 0, 1],
        ['prototyping', 1, 0, 1],
        ['validated', 1, 0, 1],
        ['shipped', 1, 1, null],
      ],
    );
    expect(report.funnel.stages[0]?.exits).toEqual({ rejected: 1 });
    expect(report.funnel.exits.find((e) => e.status === 'rejected')?.current).toBe(1);
    expect(report.funnel.overall).toBe(0.25);

    // First decisions: aaa1 01-01 -> 01-11 = 10 d; bbb2 01-01 -> 02-10 = 40 d;
    // ccc3 01-21 -> 03-12 = 50 d. Median 40; p90 at rank 1.8 = 40 + 0.8 * 10 = 48.
    expect(report.latency.firstDecision).toEqual({ count: 3, median: 40, p90: 48 });
    // ddd4 arrived 2026-10-01 (git) and waits with no decision: 54 days to 2026-11-24.
    expect(report.latency.undecided).toEqual({ count: 1, median: 54, p90: 54, longest: 54 });
    // Arrival to each stage: reviewing aaa1 10 d, ccc3 50 d; aaa1 alone further; done 120 d.
    expect(report.latency.toStage).toEqual([
      { status: 'reviewing', count: 2, median: 30, p90: 46 },
      { status: 'accepted', count: 1, median: 40, p90: 40 },
      { status: 'prototyping', count: 1, median: 70, p90: 70 },
      { status: 'validated', count: 1, median: 100, p90: 100 },
      { status: 'shipped', count: 1, median: 120, p90: 120 },
    ]);
    expect(report.latency.toDone).toEqual({ count: 1, median: 120, p90: 120 });
    expect(report.latency.distribution.map((b) => b.count)).toEqual([0, 1, 0, 2, 0, 0]);
    // aaa1: reviewing 01-11 -> 02-10 = 30, accepted -> 03-12 = 30, prototyping -> 04-11 = 30,
    // validated -> 05-01 = 20.
    expect(report.latency.stages).toEqual([
      { status: 'proposed', count: 3, median: 40, p90: 48 },
      { status: 'reviewing', count: 1, median: 30, p90: 30 },
      { status: 'accepted', count: 1, median: 30, p90: 30 },
      { status: 'prototyping', count: 1, median: 30, p90: 30 },
      { status: 'validated', count: 1, median: 20, p90: 20 },
    ]);
  });

  it('rolls participation up the team tree and shares it by level', async () => {
    const report = await reportOf(buildHistoryRepo());
    const teams = Object.fromEntries(
      report.participation.teams.map((t) => [t.team, [t.depth, t.own, t.rolledUp]]),
    );
    // Votes by voter's team: web ben, ann, ann, ben (4); sales cat; company eve.
    expect(report.participation.teams.map((t) => t.team)).toEqual([
      'company',
      'eng',
      'web',
      'sales',
    ]);
    expect(teams.web).toEqual([
      2,
      { ideas: 1, authors: 1, votes: 4, voters: 2 },
      { ideas: 1, authors: 1, votes: 4, voters: 2 },
    ]);
    expect(teams.eng).toEqual([
      1,
      { ideas: 1, authors: 1, votes: 0, voters: 0 },
      { ideas: 2, authors: 2, votes: 4, voters: 2 },
    ]);
    expect(teams.company).toEqual([
      0,
      { ideas: 1, authors: 1, votes: 1, voters: 1 },
      { ideas: 4, authors: 4, votes: 6, voters: 4 },
    ]);
    expect(report.participation.teams[0]?.name).toBe('Example Co');
    expect(
      report.participation.levels.map((l) => [l.level, l.ideasShare, l.votesShare, l.frontLine]),
    ).toEqual([
      [0, 0.25, 0.167, false],
      [1, 0.5, 0.167, false],
      [2, 0.25, 0.667, true],
    ]);
    // ann and cat wrote on 01-01; ben and eve voted and dan wrote on 01-21: all new in January.
    expect(report.participation.newContributors).toEqual([
      { month: '2026-01', count: 5, people: ['ann', 'ben', 'cat', 'dan', 'eve'] },
    ]);
  });

  it('counts trends by month up to today and lists top ideas, campaigns, queue and shipped', async () => {
    const report = await reportOf(buildHistoryRepo());
    expect(report.trends).toHaveLength(24); // the 24-month window up to November 2026
    expect(report.trendWindow).toEqual({ from: '2024-12', to: '2026-11', months: 24 });
    expect(report.trends.filter((m) => m.ideas + m.votes + m.decisions > 0)).toEqual([
      { month: '2026-01', ideas: 3, votes: 3, decisions: 1 },
      { month: '2026-02', ideas: 0, votes: 0, decisions: 2 },
      { month: '2026-03', ideas: 0, votes: 1, decisions: 2 },
      { month: '2026-04', ideas: 0, votes: 0, decisions: 1 },
      { month: '2026-05', ideas: 0, votes: 0, decisions: 1 },
      { month: '2026-10', ideas: 1, votes: 2, decisions: 0 },
    ]);
    expect(report.top.model).toBe('votes');
    expect(report.top.ideas.map((i) => [i.id, i.votes])).toEqual([
      ['ddd4', 2],
      ['ccc3', 1],
    ]);
    expect(report.campaigns).toEqual([
      expect.objectContaining({
        name: 'speed',
        state: 'open',
        daysLeft: 10,
        ideas: 1,
        votes: 1,
        voters: 1,
        ideaIds: ['ccc3'],
      }),
    ]);
    // ccc3 in review since 03-12: 257 days; ddd4 proposed with 2 votes (threshold 2) since 10-01.
    expect(report.review.queue.map((w) => [w.id, w.waitingDays, w.stale])).toEqual([
      ['ccc3', 257, true],
      ['ddd4', 54, true],
    ]);
    expect(report.review.stale.map((w) => w.id)).toEqual(['ccc3', 'ddd4']);
    expect(report.review.reviewers).toEqual([
      { reviewer: 'rev', decisions: 7, openItems: 1, lastDecision: '2026-05-01' },
    ]);
    expect(report.delivered).toEqual([
      expect.objectContaining({
        id: 'aaa1',
        delivered: '2026-05-01',
        authors: ['ann'],
        voters: ['ben', 'cat'],
        customers: ['Acme'],
      }),
    ]);
  });

  it('filters by --since, --team and --campaign', async () => {
    const root = buildHistoryRepo();
    const since = await reportOf(root, '--since', '2026-03-01');
    expect(since.filters.since).toBe('2026-03-01');
    expect(since.totals).toMatchObject({ ideas: 1, votes: 2, decisions: 0 });
    expect(since.trends[0]?.month).toBe('2026-03');

    const eng = await reportOf(root, '--team', 'eng');
    expect(eng.totals.ideas).toBe(2); // ccc3 of eng, aaa1 of web under eng
    expect(eng.participation.teams.map((t) => t.team)).toEqual(['eng', 'web']);

    const speed = await reportOf(root, '--campaign', 'speed');
    expect(speed.top.ideas.map((i) => i.id)).toEqual(['ccc3']);

    const unknown = await runCli(['report', '--team', 'nope'], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no team "nope" in ideas.config.yaml or in any idea');
    expect(unknown.stderr).toContain('the teams are: company, eng, web, sales');
    const badDate = await runCli(['report', '--since', 'yesterday'], { cwd: root });
    expect(badDate.code).toBe(2);
  });

  it('rolls theme support up from the ideas under it, duplicates credited to their target', async () => {
    const root = buildHistoryRepo();
    const { commitOn, idea, vote, decision } = await import('./helpers/report-fixture.js');
    commitOn(root, '2026-11-01', {
      ...idea('ttt9', { title: 'Speed', authors: ['eve'], extra: 'kind: theme\n' }),
      ...idea('eee5', { title: 'Faster checkout', authors: ['ann'], extra: 'parent: ttt9\n' }),
      ...idea('fff6', { title: 'Quicker checkout', authors: ['ben'], extra: 'parent: ttt9\n' }),
      ...vote('eee5', 'cat'),
      ...vote('eee5', 'dan'),
      ...vote('fff6', 'cat'),
      ...vote('fff6', 'eve'),
      ...decision('fff6', '2026-11-01', 'duplicate', 'duplicate_of: eee5\n'),
    });
    const report = await reportOf(root);
    // cat, dan, eve: cat voted twice, once on the duplicate; each voter counts once.
    expect(report.themes).toEqual([
      expect.objectContaining({
        id: 'ttt9',
        ideas: 2,
        open: 1,
        delivered: 0,
        voters: 3,
        points: 3,
      }),
    ]);
    expect(report.totals.themes).toBe(1);
  });
});

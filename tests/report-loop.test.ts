/**
 * The report's loop figures (period against period, rising ideas, people, customer demand,
 * the roadmap) on a history built at set dates, one idea merged from a branch, and forge links
 * in the documents a browser opens. Every expected figure is worked out in the comments.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { git, GIT_ENV, lastingTempDir, makeRepo } from './helpers/repo.js';
import { CONFIG, commitOn, decision, idea, vote } from './helpers/report-fixture.js';
import type { Report } from '../src/report/report.js';

const TODAY = '2026-06-30';

/**
 * Git days (front matter says 2025-06-01 throughout):
 * 01-05 aaa1 (ann, web), bbb2 (cat, sales); votes aaa1/ben [Acme], bbb2/dan
 * 02-10 ccc3 (dan, eng); aaa1 reviewing; vote ccc3/eve [Acme, Globex]
 * 03-15 aaa1 accepted, bbb2 rejected; vote aaa1/cat
 * 03-25 on branch idea/ddd4: ddd4 (ben, web), vote ddd4/ann [Globex]   (merged 04-10)
 * 03-28 vote ccc3/ann
 * 04-10 the merge of idea/ddd4: ddd4 and its vote arrive
 * 05-05 aaa1 prototyping; votes ddd4/cat [Initech], ddd4/eve
 * 06-01 eee5 (ann, web), fff6 (eve, web); ccc3 reviewing; votes eee5/ben, fff6/gus [Umbrella]
 * 06-20 aaa1 validated, ccc3 accepted, fff6 duplicate of ddd4 (gus's vote counts for ddd4)
 * 06-25 aaa1 shipped
 */
function buildLoopRepo(at?: string): string {
  const root = makeRepo({}, { commit: false, ...(at === undefined ? {} : { in: at }) });
  commitOn(root, '2026-01-05', {
    'ideas.config.yaml': CONFIG,
    ...idea('aaa1', { title: 'Faster builds', authors: ['ann'], team: 'web' }),
    ...idea('bbb2', { title: 'Discount codes', authors: ['cat'], team: 'sales' }),
    ...vote('aaa1', 'ben', 'customers: [Acme]\n'),
    ...vote('bbb2', 'dan'),
  });
  commitOn(root, '2026-02-10', {
    ...idea('ccc3', { title: 'Cache the catalogue', authors: ['dan'], team: 'eng' }),
    ...decision('aaa1', '2026-02-10', 'reviewing'),
    ...vote('ccc3', 'eve', 'customers: [Acme, Globex]\n'),
  });
  commitOn(root, '2026-03-15', {
    ...decision('aaa1', '2026-03-15', 'accepted'),
    ...decision('bbb2', '2026-03-15', 'rejected'),
    ...vote('aaa1', 'cat'),
  });
  git(root, 'checkout', '-q', '-b', 'idea/ddd4');
  commitOn(root, '2026-03-25', {
    ...idea('ddd4', { title: 'Dark mode', authors: ['ben'], team: 'web' }),
    ...vote('ddd4', 'ann', 'customers: [Globex]\n'),
  });
  git(root, 'checkout', '-q', 'main');
  commitOn(root, '2026-03-28', vote('ccc3', 'ann'));
  execFileSync('git', ['merge', '-q', '--no-ff', 'idea/ddd4', '-m', 'Merge idea ddd4'], {
    cwd: root,
    env: {
      ...process.env,
      ...GIT_ENV,
      GIT_AUTHOR_DATE: '2026-04-10T12:00:00Z',
      GIT_COMMITTER_DATE: '2026-04-10T12:00:00Z',
    },
  });
  commitOn(root, '2026-05-05', {
    ...decision('aaa1', '2026-05-05', 'prototyping'),
    ...vote('ddd4', 'cat', 'customers: [Initech]\n'),
    ...vote('ddd4', 'eve'),
  });
  commitOn(root, '2026-06-01', {
    ...idea('eee5', { title: 'Offline mode', authors: ['ann'], team: 'web' }),
    ...idea('fff6', { title: 'Night theme', authors: ['eve'], team: 'web' }),
    ...decision('ccc3', '2026-06-01', 'reviewing'),
    ...vote('eee5', 'ben'),
    ...vote('fff6', 'gus', 'customers: [Umbrella]\n'),
  });
  commitOn(root, '2026-06-20', {
    ...decision('aaa1', '2026-06-20', 'validated'),
    ...decision('ccc3', '2026-06-20', 'accepted'),
    ...decision('fff6', '2026-06-20', 'duplicate', 'duplicate_of: ddd4\n'),
  });
  commitOn(root, '2026-06-25', decision('aaa1', '2026-06-25', 'shipped'));
  return root;
}

async function run(root: string, args: string[]) {
  const result = await runCli(args, { cwd: root, env: { IDEAS_TODAY: TODAY } });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

async function reportOf(root: string, ...args: string[]): Promise<Report> {
  return JSON.parse(await run(root, ['report', '--format', 'json', ...args])) as Report;
}

describe('the report closes the loop', () => {
  // These tests only read: one repository serves them all.
  let root = '';
  beforeAll(() => {
    root = buildLoopRepo(lastingTempDir('ideas-loop-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('compares the --since period with the one before it, the merge dating ddd4', async () => {
    const report = await reportOf(root, '--since', '2026-04-01');
    // 04-01..06-30 is 91 days; the 91 before are 2025-12-31..2026-03-31.
    expect(report.period.source).toBe('since');
    expect(report.period.days).toBe(91);
    // Current: ideas ddd4 (merged 04-10, though committed 03-25), eee5, fff6; votes ddd4 x3,
    // eee5/ben, fff6/gus; decisions 05-05, 06-01, 06-20 x3, 06-25; aaa1 delivered 06-25;
    // authors ben, ann, eve; voters ann, cat, eve, ben, gus; customers Globex, Initech, Umbrella.
    expect(report.period.current).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
      ideas: 3,
      votes: 5,
      decisions: 6,
      delivered: 1,
      authors: 3,
      voters: 5,
      customers: 3,
    });
    // Before: aaa1, bbb2, ccc3 by ann, cat, dan; votes aaa1/ben, bbb2/dan, ccc3/eve, aaa1/cat,
    // ccc3/ann; decisions 02-10, 03-15 x2; customers Acme, Globex.
    expect(report.period.previous).toEqual({
      from: '2025-12-31',
      to: '2026-03-31',
      ideas: 3,
      votes: 5,
      decisions: 3,
      delivered: 0,
      authors: 3,
      voters: 5,
      customers: 2,
    });
    // Rising: open ideas only (aaa1 shipped, bbb2 rejected, fff6 duplicate are closed); ccc3
    // had no new vote. ddd4: ann 04-10, cat and eve 05-05, gus's vote on fff6 06-01.
    expect(
      report.rising.map((r) => [r.id, r.newVotes, r.newPoints, r.previousVotes, r.votes]),
    ).toEqual([
      ['ddd4', 4, 4, 0, 4],
      ['eee5', 1, 1, 0, 1],
    ]);
    // Customers: ideas that arrived since 04-01 (ddd4, eee5, fff6), votes since 04-01; the
    // Umbrella vote on fff6 asks for ddd4, which fff6 duplicates.
    expect(
      report.customers.map((c) => [c.customer, c.votes, c.voters, c.ideas.map((i) => i.id)]),
    ).toEqual([
      ['Globex', 1, ['ann'], ['ddd4']],
      ['Initech', 1, ['cat'], ['ddd4']],
      ['Umbrella', 1, ['gus'], ['ddd4']],
    ]);
    expect(report.customers[0]?.ideas[0]).toMatchObject({ status: 'proposed', voters: 1 });
    // People of the period: ann, ben, eve one idea and one vote each; gus and cat one vote,
    // gus last active 06-01, cat 05-05.
    expect(
      report.people.contributors.map((p) => [p.person, p.ideas, p.votes, p.lastActive]),
    ).toEqual([
      ['ann', 1, 1, '2026-06-01'],
      ['ben', 1, 1, '2026-06-01'],
      ['eve', 1, 1, '2026-06-01'],
      ['gus', 0, 1, '2026-06-01'],
      ['cat', 0, 1, '2026-05-05'],
    ]);
  });

  it('counts people over the whole history, and who has been quiet for 90 days', async () => {
    const report = await reportOf(root);
    // ann aaa1, eee5 + votes ccc3, ddd4 = 4; ben ddd4 + 2 votes; eve fff6 + 2; cat bbb2 + 2;
    // dan ccc3 + 1; gus 1 vote. Ties: more ideas, then the later last day, then the name.
    expect(
      report.people.contributors.map((p) => [p.person, p.team, p.ideas, p.votes, p.lastActive]),
    ).toEqual([
      ['ann', 'web', 2, 2, '2026-06-01'],
      ['ben', 'web', 1, 2, '2026-06-01'],
      ['eve', 'company', 1, 2, '2026-06-01'],
      ['cat', 'sales', 1, 2, '2026-05-05'],
      ['dan', 'eng', 1, 1, '2026-02-10'],
      ['gus', null, 0, 1, '2026-06-01'],
    ]);
    // dan last brought something on 02-10: 18 + 31 + 30 + 31 + 30 = 140 days to 06-30.
    expect(report.people.quietAfterDays).toBe(90);
    expect(report.people.quiet).toEqual([
      { person: 'dan', team: 'eng', ideas: 1, votes: 1, lastActive: '2026-02-10', quietDays: 140 },
    ]);
    // Every customer ever named: Acme on aaa1 (ben) and ccc3 (eve), Globex on ccc3 and ddd4.
    expect(
      report.customers.map((c) => [c.customer, c.votes, c.ideas.map((i) => `${i.id} ${i.status}`)]),
    ).toEqual([
      ['Acme', 2, ['aaa1 shipped', 'ccc3 accepted']],
      ['Globex', 2, ['ccc3 accepted', 'ddd4 proposed']],
      ['Initech', 1, ['ddd4 proposed']],
      ['Umbrella', 1, ['ddd4 proposed']],
    ]);
    // The roadmap: ccc3 accepted on 06-20, 10 days ago, with ann's and eve's votes.
    expect(report.roadmap.stages.map((s) => [s.status, s.ideas.map((i) => i.id)])).toEqual([
      ['accepted', ['ccc3']],
      ['prototyping', []],
      ['validated', []],
    ]);
    expect(report.roadmap.stages[0]?.ideas[0]).toMatchObject({
      since: '2026-06-20',
      days: 10,
      votes: 2,
      authors: ['dan'],
    });
    expect(report.roadmap.byTeam).toEqual([{ team: 'eng', ideas: 1 }]);
  });

  it('takes the last 90 days by default, as of --at, and its roadmap is ideas roadmap', async () => {
    const report = await reportOf(root, '--at', '2026-05-31');
    // Today is 05-31: 03-03..05-31, and before it 2025-12-03..2026-03-02.
    expect(report.period.source).toBe('default');
    expect(report.period.days).toBe(90);
    // Current: ddd4; votes aaa1/cat, ccc3/ann, ddd4 x3; decisions 03-15 x2, 05-05;
    // voters cat, ann, eve; customers Globex, Initech.
    expect(report.period.current).toEqual({
      from: '2026-03-03',
      to: '2026-05-31',
      ideas: 1,
      votes: 5,
      decisions: 3,
      delivered: 0,
      authors: 1,
      voters: 3,
      customers: 2,
    });
    // Before: aaa1, bbb2, ccc3; votes aaa1/ben, bbb2/dan, ccc3/eve; aaa1 reviewing.
    expect(report.period.previous).toMatchObject({
      from: '2025-12-03',
      to: '2026-03-02',
      ideas: 3,
      votes: 3,
      decisions: 1,
      voters: 3,
      customers: 2,
    });
    // dan's 02-10 is 110 days before 05-31: quiet; cat's 05-05 vote is 26 days old.
    expect(report.people.quiet.map((p) => [p.person, p.quietDays])).toEqual([['dan', 110]]);
    // aaa1 prototyping since 05-05: 26 days. One function builds both.
    const roadmap = JSON.parse(
      await run(root, ['roadmap', '--format', 'json', '--at', '2026-05-31']),
    ) as Record<string, unknown>;
    expect(report.roadmap).toEqual({
      stages: roadmap.stages,
      byTheme: roadmap.byTheme,
      byTeam: roadmap.byTeam,
    });
    expect(report.roadmap.stages.find((s) => s.status === 'prototyping')?.ideas).toMatchObject([
      { id: 'aaa1', since: '2026-05-05', days: 26 },
    ]);
  });

  it('--team narrows every loop figure to the team and the teams under it', async () => {
    const report = await reportOf(root, '--team', 'sales');
    // Only bbb2 (cat, rejected): its vote from dan; nothing rising, nothing on the road.
    expect(report.people.contributors.map((p) => [p.person, p.ideas, p.votes])).toEqual([
      ['cat', 1, 0],
      ['dan', 0, 1],
    ]);
    expect(report.rising).toEqual([]);
    expect(report.customers).toEqual([]);
    expect(report.roadmap.stages.flatMap((s) => s.ideas)).toEqual([]);
  });

  it('every format shows the new sections, with their figures', async () => {
    const text = await run(root, ['report', '--since', '2026-04-01']);
    for (const heading of [
      'THIS PERIOD AGAINST THE LAST',
      'RISING IDEAS',
      'ROADMAP',
      'PEOPLE',
      'CUSTOMER DEMAND',
    ])
      expect(text).toContain(heading);
    expect(text).toMatch(/new ideas\s+3\s+3\s+0/);
    expect(text).toMatch(/decisions\s+3\s+6\s+\+3/);
    expect(text).toContain('this period: 91 days, 2026-04-01 to 2026-06-30 (from --since)');
    for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);

    const md = await run(root, ['report', '--format', 'md']);
    expect(md).toContain('## This period against the last');
    expect(md).toContain('| customers named | 2 | 3 | +1 |');
    expect(md).toContain('## Rising ideas');
    expect(md).toContain('## Roadmap');
    expect(md).toContain('### accepted (1)');
    expect(md).toContain('| dan | eng | 1 | 1 | 2026-02-10 | 140 d |');
    expect(md).toContain(
      '| Acme | 2 | `aaa1` Faster builds (shipped)<br>`ccc3` Cache the catalogue (accepted) |',
    );

    const html = await run(root, ['report', '--format', 'html']);
    for (const id of ['period', 'rising', 'roadmap', 'people', 'customers'])
      expect(html).toMatch(new RegExp(`<section id="${id}"[\\s\\S]*?<table>`));
    expect(html).toContain('<a href="#people">People</a>');
  });
});

describe('forge links in the Markdown and HTML report', () => {
  it('links each idea to its file from a GitHub ssh or GitLab https remote, none otherwise', async () => {
    const root = buildLoopRepo();
    const file = 'ideas/ddd4-dark-mode.md';
    expect(await run(root, ['report', '--format', 'md'])).not.toContain('](');
    expect(await run(root, ['report', '--format', 'html'])).not.toContain('href="http');

    git(root, 'remote', 'add', 'origin', 'git@github.com:acme/ideas.git');
    const md = await run(root, ['report', '--format', 'md']);
    expect(md).toContain(`[\`ddd4\`](https://github.com/acme/ideas/blob/main/${file})`);
    const html = await run(root, ['report', '--format', 'html']);
    expect(html).toContain(
      `<a href="https://github.com/acme/ideas/blob/main/${file}">Dark mode</a>`,
    );
    // Terminal and scripts get no links.
    expect(await run(root, ['report'])).not.toContain('https://');
    expect(await run(root, ['report', '--format', 'json'])).not.toContain('https://');

    git(root, 'remote', 'set-url', 'origin', 'https://gitlab.com/acme/group/ideas.git');
    expect(await run(root, ['report', '--format', 'html'])).toContain(
      `<a href="https://gitlab.com/acme/group/ideas/-/blob/main/${file}">Dark mode</a>`,
    );
    git(root, 'remote', 'set-url', 'origin', 'https://example.com/acme/ideas.git');
    expect(await run(root, ['report', '--format', 'html'])).not.toContain('href="http');
  });

  it('links a document of a past state to the files at the commit it read, not the branch tip', async () => {
    const root = buildLoopRepo();
    git(root, 'remote', 'add', 'origin', 'git@github.com:acme/ideas.git');
    const blob = (commit: string, path: string) =>
      `https://github.com/acme/ideas/blob/${commit}/${path}`;
    const merge = git(root, 'rev-list', '-1', '--before=2026-04-10T23:59:59Z', 'HEAD').trim();
    const ddd4 = 'ideas/ddd4-dark-mode.md';
    const older = git(root, 'rev-parse', 'HEAD~3').trim();
    const cases: [string[], string][] = [
      [['report', '--format', 'md', '--at', '2026-04-10'], merge],
      [['report', '--format', 'html', '--at', merge], merge],
      [['report', '--format', 'md', '--ref', 'HEAD~3'], older],
    ];
    for (const [args, commit] of cases) {
      const text = await run(root, args);
      expect(text, args.join(' ')).toContain(blob(commit, ddd4));
      expect(text, args.join(' ')).not.toContain('/blob/main/');
    }
    const aaa1 = 'ideas/aaa1-faster-builds.md';
    const roadmap = await run(root, ['roadmap', '--format', 'md', '--at', '2026-04-10']);
    expect(roadmap).toContain(blob(merge, aaa1));
    expect(roadmap).not.toContain('/blob/main/');
    // The changelog's window ends at the shipping commit: its links read there.
    const shipped = git(root, 'rev-parse', 'HEAD').trim();
    const changelog = await run(root, ['changelog', '--format', 'md', '--until', shipped]);
    expect(changelog).toContain(blob(shipped, aaa1));
    // Without a point in time, the default branch.
    expect(await run(root, ['roadmap', '--format', 'md'])).toContain('/blob/main/');
  });

  it('the HTML report lists every queued idea: the rest behind a <details>', async () => {
    const root = buildLoopRepo();
    const many: Record<string, string> = {};
    // 14 ideas with two votes each join ddd4 in the queue (threshold 2): 12 shown, 3 folded.
    for (let i = 10; i < 24; i++) {
      Object.assign(many, idea(`q${i}`, { title: `Queued ${i}`, authors: ['ann'] }));
      Object.assign(many, vote(`q${i}`, 'ben'), vote(`q${i}`, 'cat'));
    }
    commitOn(root, '2026-06-28', many);
    const html = await run(root, ['report', '--format', 'html']);
    expect(html).not.toContain('lists all');
    const review = /<section id="review"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(review).toContain('<details class="more"><summary>… and 3 more</summary>');
    for (let i = 10; i < 24; i++) expect(review).toContain(`Queued ${i}`);
  });
});

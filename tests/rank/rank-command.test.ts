/** `ideas rank` as a user runs it: formats, filters, the tree, the 80-column table, errors. */
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/format/columns.js';
import { runCli } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';
import { handBuiltTree } from './fixture.js';

const repo = () => makeRepo(handBuiltTree(), { git: false });

describe('ideas rank', () => {
  it('prints a table that fits 80 columns, with the model and notes on unscored ideas', async () => {
    const result = await runCli(['rank', '--by', 'rice'], { cwd: repo() });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'By rice: reach × impact × confidence ÷ effort',
        '#  id     title          status     team        score  votes',
        '1  alpha  Idea alpha     proposed   sales          25      3',
        '2  beta   Idea beta      proposed   platform       25      2',
        '3  theme  ▸ Ship faster  proposed                   –      0',
        '4  gamma  Idea gamma     proposed   commercial      –      2',
        '5  delta  Idea delta     proposed                   –      0',
        '6  eta    Idea eta       reviewing                  –      0',
        '',
        'Listed last, no rice score:',
        '  theme: no estimates.reach, estimates.impact, estimates.confidence, estimates.effort',
        '  gamma: no estimates.reach, estimates.impact, estimates.confidence, estimates.effort',
        '  delta: estimates.effort is 0 (it divides the score)',
        '  eta: no estimates.reach, estimates.impact, estimates.confidence, estimates.effort',
        '',
      ].join('\n'),
    );
  });

  it('--format json: an array, best first, with the documented fields', async () => {
    const result = await runCli(['rank', '--format', 'json', '--limit', '2'], { cwd: repo() });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        schema: 2,
        rank: 1,
        id: 'alpha',
        title: 'Idea alpha',
        kind: 'idea',
        status: 'proposed',
        team: 'sales',
        tags: ['x', 'y'],
        campaign: null,
        parent: 'theme',
        created: '2026-01-01',
        model: 'votes',
        score: 3,
        missing: null,
        votes: 3,
        points: 3,
        overBudget: [],
      },
      expect.objectContaining({ rank: 2, id: 'gamma', score: 2, votes: 2, points: 2 }),
    ]);
  });

  it('--format csv and md', async () => {
    const csv = await runCli(['rank', '--format', 'csv', '--by', 'ice', '--limit', '2'], {
      cwd: repo(),
    });
    expect(csv.stdout).toBe(
      'rank,id,title,status,team,tags,score,votes,points,missing\r\n' +
        '1,beta,Idea beta,proposed,platform,y,5,2,0,\r\n' +
        '2,theme,Ship faster,proposed,,,,0,0,"no estimates.impact, estimates.confidence, estimates.ease"\r\n',
    );
    const md = await runCli(['rank', '--format', 'md', '--limit', '1'], { cwd: repo() });
    expect(md.stdout).toBe(
      '| # | id | title | status | team | score | votes |\n' +
        '| --: | --- | --- | --- | --- | --: | --: |\n' +
        '| 1 | alpha | Idea alpha | proposed | sales | 3 | 3 |\n',
    );
  });

  it('--status, --team (with sub-teams), --tag and --campaign filter', async () => {
    const ids = async (...flags: string[]) => {
      const result = await runCli(['rank', '--format', 'json', ...flags], { cwd: repo() });
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout) as { id: string }[]).map((row) => row.id);
    };
    expect(await ids('--status', 'shipped,duplicate')).toEqual(['old', 'dupe']);
    expect(await ids('--status', 'shipped', '--status', 'reviewing')).toEqual(['old', 'eta']);
    expect(await ids('--status', 'all')).toHaveLength(8);
    expect(await ids('--team', 'commercial')).toEqual(['alpha', 'gamma']);
    expect(await ids('--tag', 'x')).toEqual(['alpha']);
    // Tags match as stored, normalised: a capital or a space typed around it changes nothing.
    expect(await ids('--tag', ' X ')).toEqual(['alpha']);
    expect(await ids('--campaign', 'faster')).toEqual(['beta']);
  });

  it('--tree: themes with their ideas, support rolled up', async () => {
    const result = await runCli(['rank', '--tree'], { cwd: repo() });
    expect(result.stdout).toBe(
      [
        'By votes: number of voters',
        '#  id     title          status     score  votes  Σvotes',
        '4  theme  ▸ Ship faster  proposed       0      0       4',
        '1  alpha    Idea alpha   proposed       3      3       3',
        '3  beta     Idea beta    proposed       2      2       2',
        '2  gamma  Idea gamma     proposed       2      2       2',
        '5  delta  Idea delta     proposed       0      0       0',
        '6  eta    Idea eta       reviewing      0      0       0',
        '',
      ].join('\n'),
    );
    const json = await runCli(['rank', '--tree', '--format', 'json'], { cwd: repo() });
    const [theme] = JSON.parse(json.stdout) as {
      id: string;
      rolled: { votes: number; points: number };
      children: { id: string }[];
    }[];
    // alice, bob and carol back alpha; alice and dave back beta (dave with -1).
    expect(theme).toMatchObject({ id: 'theme', rolled: { votes: 4, points: 3 } });
    expect(theme?.children.map((child) => child.id)).toEqual(['alpha', 'beta']);
  });

  it('--tree puts ideas whose theme is filtered out at the top level', async () => {
    const result = await runCli(['rank', '--tree', '--team', 'company', '--format', 'json'], {
      cwd: repo(),
    });
    const rows = JSON.parse(result.stdout) as { id: string; children: unknown[] }[];
    expect(rows.map((row) => [row.id, row.children.length])).toEqual([
      ['alpha', 0],
      ['gamma', 0],
      ['beta', 0],
    ]);
  });

  it('says what is wrong with a flag, exit 2', async () => {
    const root = repo();
    const cases: [string[], string][] = [
      [['--status', 'done'], 'unknown status "done"'],
      [['--team', 'nobody'], 'no team "nobody"'],
      [['--campaign', 'nope'], 'no campaign "nope"'],
      [['--limit', '0'], '--limit takes a whole number above 0'],
      [['--by', 'magic'], "argument 'magic' is invalid"],
    ];
    for (const [flags, message] of cases) {
      const result = await runCli(['rank', ...flags], { cwd: root });
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe('');
    }
  });
});

describe('untrusted titles', () => {
  const hostile = () =>
    makeRepo(
      {
        ...handBuiltTree(),
        'ideas/evil-idea.md': [
          '---',
          'id: evil',
          // YAML double quotes turn \e into ESC and \a into BEL: a title that would clear the screen.
          'title: "=HYPERLINK(\\"http://x\\")|\\e[2J\\e]0;pwned\\a a | b\\u202Eevil"',
          'authors: [erin]',
          'created: 2026-01-01',
          'team: sales',
          'tags: ["@sum", "-1"]',
          '---',
          '## Problem',
          'x',
          '## Proposal',
          'y',
          '## Evidence',
          'z',
          '',
        ].join('\n'),
        ...{
          'votes/evil/bob.md': '---\nidea: evil\nvoter: bob\ndate: 2026-11-01\n---\n',
          'votes/evil/carol.md': '---\nidea: evil\nvoter: carol\ndate: 2026-11-01\n---\n',
          'votes/evil/dave.md': '---\nidea: evil\nvoter: dave\ndate: 2026-11-01\n---\n',
          'votes/evil/fay.md': '---\nidea: evil\nvoter: fay\ndate: 2026-11-01\n---\n',
        },
      },
      { git: false },
    );

  it('the terminal table has no escape or control characters, and still fits', async () => {
    const result = await runCli(['rank', '--limit', '3'], { cwd: hostile(), tty: true });
    expect(result.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(result.stdout).toContain('evil');
    for (const line of result.stdout.split('\n'))
      expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('CSV escapes formula starts; Markdown escapes pipes', async () => {
    const csv = await runCli(['rank', '--format', 'csv', '--limit', '1'], { cwd: hostile() });
    const row = csv.stdout.split('\r\n')[1] ?? '';
    expect(row.startsWith('1,evil,"\'=HYPERLINK(""http://x"")|')).toBe(true);
    expect(row).toContain(",'@sum;-1,"); // tags cell starts with @: escaped
    const md = await runCli(['rank', '--format', 'md', '--limit', '1'], { cwd: hostile() });
    const cells = (md.stdout.split('\n')[2] ?? '').split(/(?<!\\)\|/);
    expect(cells).toHaveLength(9); // 7 cells and the two outer pipes: no pipe broke the table
    expect(md.stdout).toContain('=HYPERLINK\\("http://x"\\)\\|');
  });
});

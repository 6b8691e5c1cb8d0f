/** `ideas list`: --format csv|md, --author (and @me), --sort votes, --search. */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { makeIdeasRepo, TREE, idea } from './helpers/authoring.js';

const tree = {
  ...TREE,
  'ideas/bob001-night-printers.md': idea(
    'bob001',
    '=Night printers',
    '',
    '## Problem\nThe overnight courier misses labels.\n\n## Proposal\nPrint earlier.\n\n## Evidence\nTickets.\n',
  ).replace('authors: [alice]', 'authors: [bob]'),
  'votes/price01/bob.md': '---\nidea: price01\nvoter: bob\ndate: 2026-11-03\n---\n',
  'votes/price01/carol.md': '---\nidea: price01\nvoter: carol\ndate: 2026-11-03\n---\n',
  'votes/bob001/carol.md': '---\nidea: bob001\nvoter: carol\ndate: 2026-11-03\n---\n',
};

const ids = (stdout: string) => (JSON.parse(stdout) as { id: string }[]).map((i) => i.id);

describe('ideas list, more', () => {
  it('--sort votes puts the most supported first', async () => {
    const root = makeIdeasRepo('alice@example.com', tree);
    const result = await runCli(['list', '--sort', 'votes', '--format', 'json'], { cwd: root });
    expect(ids(result.stdout).slice(0, 2)).toEqual(['price01', 'bob001']);
  });

  it('--author HANDLE and @me (the configured person of your git email)', async () => {
    const root = makeIdeasRepo('bob@example.com', tree);
    const bob = await runCli(['list', '--author', 'bob', '--format', 'json'], { cwd: root });
    expect(ids(bob.stdout)).toEqual(['bob001']);
    const me = await runCli(['list', '--author', '@me', '--format', 'json'], { cwd: root });
    expect(ids(me.stdout)).toEqual(['bob001']);
    const alice = await runCli(['list', '--author', 'alice', '--sort', 'id', '--format', 'json'], {
      cwd: root,
    });
    expect(ids(alice.stdout)).toEqual(['price01', 'ship01', 'theme01']);
  });

  it('--search matches every word in the title or the body, in any case', async () => {
    const root = makeIdeasRepo('alice@example.com', tree);
    const one = await runCli(['list', '--search', 'Overnight COURIER', '--format', 'json'], {
      cwd: root,
    });
    expect(ids(one.stdout)).toEqual(['bob001', 'ship01']);
    const labels = await runCli(['list', '--search', 'courier LABELS', '--format', 'json'], {
      cwd: root,
    });
    expect(ids(labels.stdout)).toEqual(['bob001']);
    const title = await runCli(['list', '--search', 'price list', '--format', 'json'], {
      cwd: root,
    });
    expect(ids(title.stdout)).toEqual(['price01']);
  });

  it('--format csv and md, escaped for each', async () => {
    const root = makeIdeasRepo('alice@example.com', tree);
    const csv = await runCli(['list', '--sort', 'id', '--format', 'csv'], { cwd: root });
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe(
      'id,title,kind,status,team,authors,created,tags,campaign,parent,votes,points,path',
    );
    expect(lines[1]).toBe(
      "bob001,'=Night printers,idea,proposed,sales,bob,2026-11-01,,,,1,1,ideas/bob001-night-printers.md",
    );
    const md = await runCli(['list', '--sort', 'id', '--format', 'md'], { cwd: root });
    expect(md.stdout.split('\n')[0]).toBe('| id | title | status | team | votes | created |');
    expect(md.stdout).toContain(
      '| price01 | Cache the price list in the quoting tool | proposed | sales | 2 | 2026-11-01 |',
    );
  });
});

/** The team tree: descendants in one walk, one idea team, and `--team` on a 35,000-team chain. */
import { describe, expect, it } from 'vitest';
import { ideaTeam, teamAndBelow, teamTree, type TeamTree } from '../src/model/teams.js';
import type { Idea } from '../src/model/types.js';
import { runCli } from './helpers/cli.js';
import { makeRepo } from './helpers/repo.js';
import { ideaFile } from './rank/fixture.js';

/** A chain company <- t1 <- t2 <- … of `size` teams below the top. */
function chain(size: number): Record<string, { parent?: string }> {
  const teams: Record<string, { parent?: string }> = { company: {} };
  for (let k = 1; k <= size; k++) teams[`t${k}`] = { parent: k === 1 ? 'company' : `t${k - 1}` };
  return teams;
}

/** The same tree, counting each lookup of a team's children: the work a walk does. */
function counted(tree: TeamTree): { tree: TeamTree; lookups: () => number } {
  let lookups = 0;
  const children = new Map(tree.children);
  const get = children.get.bind(children);
  children.get = (key) => {
    lookups++;
    return get(key);
  };
  return { tree: { ...tree, children }, lookups: () => lookups };
}

describe('team tree', () => {
  it('finds a team and everything under it, any depth, in work linear in the teams', () => {
    const small = counted(teamTree(chain(1_000)));
    const large = counted(teamTree(chain(35_000)));
    expect(teamAndBelow(small.tree, 'company').size).toBe(1_001);
    expect(teamAndBelow(large.tree, 'company').size).toBe(35_001);
    // One children lookup per team reached: 35 times the teams, 35 times the work (not 35²).
    expect(small.lookups()).toBe(1_001);
    expect(large.lookups()).toBe(35_001);
    expect(teamAndBelow(large.tree, 't34999').size).toBe(2);
  });

  it('an idea counts for its own team, else its first author with a team', () => {
    const people = { people: { ann: { emails: [], team: 'sales' }, bob: { emails: [] } } };
    const idea = (fields: Partial<Idea>): Idea => ({
      id: 'a1',
      title: 't',
      authors: [],
      created: '2026-01-01',
      tags: [],
      kind: 'idea',
      estimates: {},
      body: '',
      path: 'ideas/a1-t.md',
      ...fields,
    });
    expect(ideaTeam(people, idea({ team: 'ops', authors: ['ann'] }))).toBe('ops');
    expect(ideaTeam(people, idea({ authors: ['bob', 'ann'] }))).toBe('sales');
    expect(ideaTeam(people, idea({ authors: ['bob'] }))).toBeUndefined();
  });

  it('rank --team company on a 35,000-team chain finds the idea at the bottom', async () => {
    const teams = Object.entries(chain(35_000))
      .map(([name, t]) => `  ${name}: ${t.parent ? `{parent: ${t.parent}}` : '{}'}`)
      .join('\n');
    const root = makeRepo(
      {
        'ideas.config.yaml': `version: 1\nteams:\n${teams}\n`,
        ...ideaFile({ id: 'deep', created: '2026-01-02', team: 't35000' }),
        ...ideaFile({ id: 'top', created: '2026-01-01', team: 'company' }),
      },
      { git: false },
    );
    const result = await runCli(['rank', '--team', 'company', '--format', 'json'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).map((r: { id: string }) => r.id)).toEqual(['top', 'deep']);
    const below = await runCli(['rank', '--team', 't34999', '--format', 'json'], { cwd: root });
    expect(JSON.parse(below.stdout).map((r: { id: string }) => r.id)).toEqual(['deep']);
  });
});

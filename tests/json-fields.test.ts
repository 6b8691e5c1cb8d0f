/** `--json FIELD,…` on the read commands, as gh has it. */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { makeIdeasRepo } from './helpers/authoring.js';
import { availableFields, pickFields } from '../src/cli/json-fields.js';

describe('--json FIELD,…', () => {
  it('rank and list print only those fields of each result', async () => {
    const root = makeIdeasRepo();
    const rank = await runCli(['rank', '--json', 'id,score'], { cwd: root });
    expect(rank.code).toBe(0);
    const rows = JSON.parse(rank.stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    // The schema number travels with each record that has one.
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['id', 'schema', 'score']);
    const list = await runCli(['list', '--sort', 'id', '--json', 'id, title'], { cwd: root });
    expect(JSON.parse(list.stdout)).toEqual([
      { id: 'price01', schema: 2, title: 'Cache the price list in the quoting tool' },
      { id: 'ship01', schema: 2, title: 'Offer overnight shipping' },
      { id: 'theme01', schema: 2, title: 'Faster delivery' },
    ]);
  });

  it('show and report pick fields of the one object; the schema number stays', async () => {
    const root = makeIdeasRepo();
    const show = await runCli(['show', 'ship01', '--json', 'id,status'], { cwd: root });
    expect(JSON.parse(show.stdout)).toEqual({ schema: 2, id: 'ship01', status: 'proposed' });
    const report = await runCli(['report', '--json', 'totals'], { cwd: root });
    const doc = JSON.parse(report.stdout) as Record<string, unknown>;
    expect(Object.keys(doc).filter((k) => k !== 'schema')).toEqual(['totals']);
  });

  it('--json alone lists the fields; an unknown field is a usage error naming them', async () => {
    const root = makeIdeasRepo();
    const bare = await runCli(['list', '--json'], { cwd: root });
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toMatch(
      /Specify one or more comma-separated fields for --json:\n {2}id\n {2}title\n/,
    );
    const wrong = await runCli(['rank', '--json', 'id,nope'], { cwd: root });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('unknown field for --json: nope');
    expect(wrong.stderr).toContain('the fields are: ');
  });

  it('every read command takes it; --format json still prints the whole object', async () => {
    const root = makeIdeasRepo();
    for (const command of ['rank', 'list', 'show', 'queue', 'report', 'pending']) {
      const help = await runCli([command, '--help'], { cwd: root });
      expect(help.stdout, command).toContain('--json [fields]');
    }
    const whole = await runCli(['show', 'ship01', '--format', 'json'], { cwd: root });
    expect(Object.keys(JSON.parse(whole.stdout) as object).length).toBeGreaterThan(5);
  });

  it('picks from arrays and objects alike', () => {
    const doc = [
      { id: 'a', x: 1, y: 2 },
      { id: 'b', x: 3, z: 4 },
    ];
    expect(availableFields(doc)).toEqual(['id', 'x', 'y', 'z']);
    expect(pickFields(doc, ['id', 'z'])).toEqual([{ id: 'a' }, { id: 'b', z: 4 }]);
    expect(pickFields({ schema: 1, a: 1, b: 2 }, ['b'])).toEqual({ schema: 1, b: 2 });
  });
});

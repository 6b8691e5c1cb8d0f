import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepository } from '../src/read/repository.js';
import { statusOf } from '../src/model/lifecycle.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/repo.js';

describe('ideas demo', () => {
  it('builds a real repository with months of history that validates clean', async () => {
    const dir = join(tempDir(), 'northwind');
    const demo = await runCli(['demo', '--dir', dir], { cwd: tempDir() });
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain(dir);
    expect(demo.stdout).toMatch(/By votes: number of voters/);
    expect(demo.stdout).toContain('Try next');

    const { repo } = await readRepository({ root: dir, env: process.env });
    const ideas = repo.ideas.filter((idea) => idea.kind === 'idea');
    const themes = repo.ideas.filter((idea) => idea.kind === 'theme');
    expect(ideas.length).toBeGreaterThanOrEqual(30);
    expect(themes.length).toBe(2);
    expect(new Set(repo.ideas.map((idea) => idea.team)).size).toBeGreaterThanOrEqual(5);
    expect(Object.keys(repo.config.people).length).toBe(25);
    expect(repo.votes.length).toBeGreaterThanOrEqual(200);
    const statuses = new Set(repo.ideas.map((idea) => statusOf(repo, idea.id)));
    for (const status of Object.keys(repo.config.lifecycle.transitions))
      expect(statuses, status).toContain(status);

    const dates = execFileSync('git', ['log', '--format=%cs'], { cwd: dir, encoding: 'utf8' })
      .trim()
      .split('\n');
    const months = new Set(dates.map((date) => date.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(5);
    const authors = new Set(
      execFileSync('git', ['log', '--format=%ae'], { cwd: dir, encoding: 'utf8' })
        .trim()
        .split('\n'),
    );
    expect(authors.size).toBeGreaterThanOrEqual(20);

    const validate = await runCli(['validate'], { cwd: dir });
    expect(validate.stdout).toContain('no problems');
    expect(validate.code).toBe(0);
  });

  it('is the same every time: identical commits', async () => {
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    await runCli(['demo', '--dir', a], { cwd: tempDir() });
    await runCli(['demo', '--dir', b], { cwd: tempDir() });
    const head = (dir: string) =>
      execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' });
    expect(head(a)).toBe(head(b));
  });

  it('refuses a folder that is not empty', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x', 'keep.txt'), 'mine');
    const result = await runCli(['demo', '--dir', 'x'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not empty');
    expect(readdirSync(join(dir, 'x'))).toEqual(['keep.txt']);
  });
});

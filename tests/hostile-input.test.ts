// Regressions from a hostile-input review: each case once broke or misled a command.
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { makeRepo, tempDir } from './helpers/repo.js';

const idea = (id: string, extra = '') =>
  `---\nid: ${id}\ntitle: Idea ${id}\nauthors: [alice]\ncreated: 2026-10-01\n${extra}---\n## Problem\nSlow.\n\n## Proposal\nFast.\n\n## Evidence\nTickets.\n`;

describe('hostile input', () => {
  it('reports on a 2,000-team chain (the report once took cubic time here)', async () => {
    const teams = [
      '  t0: {}',
      ...Array.from({ length: 1999 }, (_, i) => `  t${i + 1}: {parent: t${i}}`),
    ];
    const root = makeRepo({
      'ideas.config.yaml': `version: 1\nreviewers: [carol]\nteams:\n${teams.join('\n')}\n`,
      'ideas/abc123-deep.md': idea('abc123', 'team: t1999\n'),
    });
    const result = await runCli(['report', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(JSON.stringify(report)).toContain('t1999');
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  it('does not count names of Object.prototype as configured people or teams', async () => {
    const root = makeRepo({
      'ideas.config.yaml':
        'version: 1\nreviewers: [carol]\nteams:\n  company: {}\npeople:\n  carol: {team: company}\n',
      'ideas/abc123-proto.md': idea('abc123', 'team: toString\n').replace(
        'authors: [alice]',
        'authors: [constructor]',
      ),
      'votes/abc123/valueOf.md': '---\nidea: abc123\nvoter: valueOf\ndate: 2026-10-02\n---\n',
    });
    const result = await runCli(['validate', '--format', 'json'], { cwd: root });
    const rules = JSON.parse(result.stdout).problems.map((p: { rule: string }) => p.rule);
    expect(rules).toEqual(
      expect.arrayContaining(['idea/unknown-team', 'idea/unknown-person', 'vote/unknown-voter']),
    );
  });

  it('asks for a number when two decisions of one day have no order', async () => {
    const root = makeRepo({
      'ideas.config.yaml': 'version: 1\nreviewers: [carol]\n',
      'ideas/abc123-day.md': idea('abc123'),
      'decisions/abc123/2026-11-02-reviewing.md':
        '---\nidea: abc123\nstatus: reviewing\ndate: 2026-11-02\nreviewers: [carol]\n---\n',
      'decisions/abc123/2026-11-02-accepted.md':
        '---\nidea: abc123\nstatus: accepted\ndate: 2026-11-02\nreviewers: [carol]\n---\n',
    });
    const result = await runCli(['validate'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('decision/file-name');
    expect(result.stdout).toContain('2026-11-02-2-<status>.md');
  });

  it('refuses a symbolic link as IDEAS.md', async () => {
    const root = makeRepo({ 'ideas.config.yaml': 'version: 1\nreviewers: [carol]\n' });
    symlinkSync('/dev/zero', join(root, 'IDEAS.md'));
    const result = await runCli(['index', '--check'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('symbolic link');
  });

  it('never writes through a linked folder in ideas init', async () => {
    const root = makeRepo({}, { commit: false });
    const outside = tempDir();
    symlinkSync(outside, join(root, '.github'));
    const result = await runCli(['init', '--reviewer', 'carol'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('symbolic link');
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(join(root, 'ideas.config.yaml'))).toBe(false);
  });

  it('says so when report --out names a folder', async () => {
    const root = makeRepo({
      'ideas.config.yaml': 'version: 1\nreviewers: [carol]\n',
      'ideas/abc123-x.md': idea('abc123'),
    });
    mkdirSync(join(root, 'out'));
    const result = await runCli(['report', '--out', 'out'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a folder');
  });

  it('explains a config that is a symbolic link', async () => {
    const root = makeRepo({ 'real.yaml': 'version: 1\n' });
    symlinkSync(join(root, 'real.yaml'), join(root, 'ideas.config.yaml'));
    const result = await runCli(['validate', '--root', root], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('symbolic links are not followed');
  });
});

describe('a broken config under --format json and github', () => {
  it('still prints the problems in the format asked for, and exits 2', async () => {
    const root = makeRepo({ 'ideas.config.yaml': 'version: 2\n' });
    const json = await runCli(['validate', '--format', 'json'], { cwd: root });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      problems: [{ rule: 'config/invalid', file: 'ideas.config.yaml', line: 1, column: 10 }],
    });
    const github = await runCli(['validate', '--format', 'github'], { cwd: root });
    expect(github.code).toBe(2);
    expect(github.stdout).toContain(
      '::error file=ideas.config.yaml,line=1,col=10,title=config/invalid::',
    );
  });
});

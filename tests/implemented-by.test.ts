/** `implemented_by` on decisions: links and local revisions, checked by validate, written by review. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImplementation } from '../src/model/implemented-by.js';
import { runCli } from './helpers/cli.js';
import { git } from './helpers/repo.js';
import { buildHistoryRepo, commitOn, decision } from './helpers/report-fixture.js';

async function validateJson(root: string) {
  const result = await runCli(['validate', '--format', 'json'], { cwd: root });
  return JSON.parse(result.stdout) as {
    problems: { rule: string; message: string; line: number }[];
  };
}

describe('implemented_by', () => {
  it('reads links, commit ids and tags, and refuses other schemes and git syntax', () => {
    expect(readImplementation('https://github.com/acme/shop/pull/812').kind).toBe('url');
    expect(readImplementation('v1.2.0').kind).toBe('revision');
    expect(readImplementation('0a1b2c3').kind).toBe('revision');
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      '--output=x',
      'main..evil',
      'HEAD@{1}',
      'a b',
    ])
      expect(readImplementation(bad).kind, bad).toBe('invalid');
  });

  it('validate accepts a link and a commit that exist, and names a missing tag and a javascript: link', async () => {
    const root = buildHistoryRepo();
    git(root, 'tag', 'v1.0');
    const commit = git(root, 'rev-parse', '--short', 'HEAD').trim();
    const shipped = decision(
      'aaa1',
      '2026-05-01',
      'shipped',
      `implemented_by: [https://github.com/acme/shop/pull/812, ${commit}, v1.0]\n`,
    );
    commitOn(root, '2026-11-01', shipped);
    expect(
      (await validateJson(root)).problems.filter((p) => p.rule === 'decision/implemented-by'),
    ).toEqual([]);

    commitOn(
      root,
      '2026-11-02',
      decision('aaa1', '2026-05-01', 'shipped', 'implemented_by: [v9.9, "javascript:alert(1)"]\n'),
    );
    const found = (await validateJson(root)).problems.filter(
      (p) => p.rule === 'decision/implemented-by',
    );
    expect(found.map((p) => p.message)).toEqual([
      'there is no commit or tag "v9.9" in this repository: fetch it (git fetch --tags) or give its URL',
      '"javascript:alert(1)" is a javascript: link: only http(s) links are kept: give a pull-request or commit URL, a commit id or a tag',
    ]);
    expect(found[0]?.line).toBe(6);
  });

  it('review --implemented-by writes the list, and refuses what validate would', async () => {
    const root = buildHistoryRepo();
    // The reviewer is whoever the git email maps to under people.
    const config = readFileSync(join(root, 'ideas.config.yaml'), 'utf8');
    commitOn(root, '2026-11-01', {
      'ideas.config.yaml': config.replace(
        'people:\n',
        'people:\n  rev: {emails: [rev@example.com]}\n',
      ),
    });
    git(root, 'config', 'user.email', 'rev@example.com');
    const again = await runCli(
      ['review', 'ccc3', '--status', 'accepted', '--implemented-by', 'https://example.com/pr/1'],
      { cwd: root },
    );
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    const [file] = readdirSync(join(root, 'decisions', 'ccc3')).filter((n) =>
      n.includes('accepted'),
    );
    expect(readFileSync(join(root, 'decisions', 'ccc3', file ?? ''), 'utf8')).toContain(
      'implemented_by: [https://example.com/pr/1]',
    );
    const refused = await runCli(
      ['review', 'ccc3', '--status', 'prototyping', '--implemented-by', 'javascript:x'],
      { cwd: root },
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('only http(s) links are kept');
  });
});

/**
 * `check` on the pull request that adopts ideas: the base has no ideas.config.yaml, the branch
 * adds it (with what `ideas init` writes). Authority comes from the base, which has none: the
 * branch's config is used to validate its files but grants nobody anything.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { checkAs, rulesOf } from './helpers/check-flow.js';
import { commitAs, decisionText, ideaText } from './helpers/forge.js';
import { git, makeRepo, tempDir } from './helpers/repo.js';

/** A repository without ideas, and a branch `adopt` where alice ran `ideas init`. */
async function adoptingBranch(): Promise<string> {
  const root = makeRepo({ 'README.md': '# shop\n' });
  git(root, 'checkout', '-q', '-b', 'adopt');
  const init = await runCli(['init', '--reviewer', 'carol', '--ci', 'github'], { cwd: root });
  expect(init.code, init.stderr).toBe(0);
  commitAs(root, 'alice', {}, 'Start an ideas repository');
  return root;
}

const check = (root: string, ...more: string[]) =>
  checkAs(root, 'alice', '--format', 'json', ...more);

describe('check on the pull request that adds ideas.config.yaml', () => {
  it('passes what ideas init writes, with a first idea, and says the forge reviews the setup', async () => {
    const root = await adoptingBranch();
    commitAs(
      root,
      'alice',
      {
        'ideas/ship1-overnight.md': ideaText('ship1', 'Overnight shipping', ['alice']),
      },
      'First idea',
    );
    const result = await check(root);
    expect(result.stderr).toMatch(
      /main has no ideas\.config\.yaml: this pull request adopts ideas/,
    );
    expect(result.stderr).toMatch(/\.github\/workflows\/ideas\.yml/);
    expect(JSON.parse(result.stdout).problems).toEqual([]);
    expect(result.code).toBe(0);
  });

  it("the branch's own reviewer list grants nothing: its decision fails", async () => {
    const root = await adoptingBranch();
    commitAs(
      root,
      'alice',
      {
        'ideas/ship1-overnight.md': ideaText('ship1', 'Overnight shipping', ['bob']),
        'decisions/ship1/2026-11-20-reviewing.md': decisionText(
          'ship1',
          'reviewing',
          '2026-11-20',
          ['carol'],
        ),
      },
      'alice decides as carol, whom the new config names',
    );
    const result = await check(root);
    expect(result.code).toBe(1);
    expect(rulesOf(result)).toContain('policy/decision-reviewer');
  });

  it('files beyond the setup still need a reviewer, who does not exist yet', async () => {
    const root = await adoptingBranch();
    commitAs(root, 'alice', { 'package.json': '{"scripts": {"test": "true"}}\n' }, 'npm');
    const result = await check(root);
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.stdout).problems;
    expect(problems).toEqual([
      expect.objectContaining({ rule: 'policy/reviewer-only', file: 'package.json' }),
    ]);
  });

  it('validates the files with the config they bring', async () => {
    const root = await adoptingBranch();
    commitAs(
      root,
      'alice',
      {
        'ideas/ship1-overnight.md': ideaText('ship1', 'Overnight shipping', ['alice']).replace(
          'created: 2026-11-01',
          'created: 2026-11-01\nteam: nowhere',
        ),
      },
      'An idea for a team the new config lacks',
    );
    const result = await check(root);
    expect(result.code).toBe(1);
    expect(rulesOf(result)).toContain('idea/unknown-team');
  });

  it('writes the summary (the base side read with the defaults)', async () => {
    const root = await adoptingBranch();
    const summary = join(tempDir(), 'summary.md');
    const result = await check(root, '--summary', summary);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(summary, 'utf8')).toMatch(/^## ideas check\n\n✅ 0 errors/);
  });

  it('a branch that adds no config to a base without one is still not an ideas repository', async () => {
    const root = makeRepo({ 'README.md': '# shop\n', 'ideas.config.yaml': 'version: 1\n' });
    git(root, 'rm', '-q', 'ideas.config.yaml');
    git(root, 'commit', '-q', '-m', 'no ideas on main');
    git(root, 'checkout', '-q', '-b', 'topic');
    commitAs(root, 'alice', { 'README.md': '# shop!\n' }, 'readme');
    // An untracked config marks the root, so check starts and finds no config on either side.
    writeFileSync(join(root, 'ideas.config.yaml'), 'version: 1\n');
    const result = await runCli(['check', '--base', 'main', '--actor', 'alice'], { cwd: root });
    expect(result.stderr).toMatch(/there is no ideas\.config\.yaml at/);
    expect(result.code).toBe(2);
  });
});

/**
 * The CI files `ideas init` writes: valid YAML with the expected steps, and the GitHub check step,
 * run by bash against the built binary on a real repository, fails a forged vote and passes an honest one.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, runCli } from './helpers/cli.js';
import { makeRepo } from './helpers/repo.js';
import { branchAs, makeForge, voteText } from './helpers/forge.js';

interface Step {
  name?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  run?: string;
}

async function initWorkflow(): Promise<{ on: Record<string, unknown>; steps: Step[] }> {
  const root = makeRepo({}, { commit: false });
  const init = await runCli(['init', '--reviewer', 'carol'], { cwd: root });
  expect(init.code).toBe(0);
  const workflow = parse(readFileSync(join(root, '.github/workflows/ideas.yml'), 'utf8')) as {
    on: Record<string, unknown>;
    jobs: { ideas: { steps: Step[] } };
  };
  return { on: workflow.on, steps: workflow.jobs.ideas.steps };
}

describe('the GitHub workflow ideas init writes', () => {
  it('parses and has the expected steps', async () => {
    const { on, steps } = await initWorkflow();
    expect(Object.keys(on)).toEqual(['pull_request', 'push']);
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(
      0,
    );
    expect(
      steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version'],
    ).toBe(20);
    expect(steps.find((s) => s.uses?.startsWith('actions/cache@'))?.with?.path).toBe('~/.npm');
    const check = steps.find((s) => s.run?.includes(' check '));
    expect(check?.if).toBe("github.event_name == 'pull_request'");
    expect(check?.run).toContain(
      'check --base "origin/$BASE_REF" --actor "$PR_AUTHOR" --open-prs --format github',
    );
    expect(check?.env).toEqual({
      BASE_REF: '${{ github.base_ref }}',
      PR_AUTHOR: '${{ github.event.pull_request.user.login }}',
    });
    expect(steps.some((s) => s.run?.includes('index --check'))).toBe(true);
    expect(steps.some((s) => s.run?.includes('validate --format github'))).toBe(true);
    // Expressions pasted into a script are a shell-injection door: they go through env only.
    for (const step of steps) expect(step.run ?? '').not.toContain('${{');
  });

  it('its check step fails a forged vote with annotations and passes an honest one', async () => {
    const { steps } = await initWorkflow();
    const script = steps.find((s) => s.run?.includes(' check '))?.run ?? '';
    const runStep = (root: string, author: string) =>
      spawnSync('bash', ['-c', script.replace('npx --yes "$IDEAS_CLI"', 'node "$IDEAS_BIN"')], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, IDEAS_BIN: BIN, BASE_REF: 'main', PR_AUTHOR: author, NO_COLOR: '1' },
      });

    const forged = makeForge();
    branchAs(forged, 'erin', 'pr', { 'votes/chat22/alice.md': voteText('chat22', 'alice') });
    const refused = runStep(forged.root, 'erin');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(
      '::error file=votes/chat22/alice.md,line=3,col=1,title=policy/vote-voter::',
    );

    const honest = makeForge();
    branchAs(honest, 'erin', 'pr', { 'votes/chat22/erin.md': voteText('chat22', 'erin') });
    const passed = runStep(honest.root, 'erin');
    expect(passed.stderr).toBe('');
    expect(passed.status).toBe(0);
    expect(passed.stdout).toContain('acting as erin (from --actor)');
  });
});

describe('the GitLab CI template', () => {
  it('parses and runs validate, check against the target branch, and index --check', () => {
    const text = readFileSync(
      join(import.meta.dirname, '..', 'templates/init/gitlab/.gitlab-ci.yml'),
      'utf8',
    );
    const filled = text.replace(
      /\{\{(\w+)\}\}/g,
      (_, key: string) => ({ version: '0.1.0', workdir: '.' })[key] ?? '',
    );
    const job = (
      parse(filled) as Record<
        string,
        { image: string; variables: Record<string, unknown>; script: string[] }
      >
    ).ideas;
    expect(job?.image).toBe('node:20');
    expect(job?.variables.GIT_DEPTH).toBe(0);
    const script = job?.script.join('\n') ?? '';
    expect(script).toContain('validate');
    expect(script).toContain(
      'check --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --open-prs',
    );
    expect(script).toContain('index --check');
  });
});

/**
 * The CI files `ideas init` writes: valid YAML with the expected steps, pinned to this very
 * package, outside the checkout. tests/ci-flow.test.ts runs them step by step against a local registry.
 */
import { spawnSync } from 'node:child_process';
import { validateWorkflow } from '@action-validator/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, runCli } from './helpers/cli.js';
import { makeForge } from './helpers/forge.js';
import { git, makeRepo, tempDir } from './helpers/repo.js';
import { readWorkflow, type Workflow } from './helpers/workflow.js';

interface GitlabJob {
  image?: string;
  extends?: string;
  rules?: { if: string }[];
  variables?: Record<string, unknown>;
  before_script?: string[];
  script?: string[];
  artifacts?: { when?: string; reports?: Record<string, string> };
}

function readGitlabPipeline(path: string): Record<string, GitlabJob> {
  return parse(readFileSync(path, 'utf8')) as Record<string, GitlabJob>;
}

const packageRoot = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const spec = `${manifest.name}@${manifest.version}`;

async function initInto(root: string, ci: 'github' | 'gitlab' = 'github'): Promise<void> {
  const init = await runCli(['init', '--reviewer', 'carol', '--ci', ci, '--force'], { cwd: root });
  expect(init.stderr).toBe('');
  expect(init.code).toBe(0);
}

async function initWorkflow(): Promise<Workflow> {
  const root = makeRepo({}, { commit: false });
  await initInto(root);
  return readWorkflow(join(root, '.github/workflows/ideas.yml'));
}

describe('the GitHub workflow ideas init writes', () => {
  it('pins this package by name and version, and never runs npx or a CLI from the checkout', async () => {
    expect(manifest.name).toBe('git-ideas');
    const workflow = await initWorkflow();
    expect(workflow.env?.IDEAS_PACKAGE).toBe(spec);
    const job = workflow.jobs.ideas;
    const steps = job?.steps ?? [];
    const install = steps.find((s) => s.run?.includes('npm install'));
    expect(install?.['working-directory']).toBe('${{ runner.temp }}');
    expect(install?.run).toContain('--prefix "$RUNNER_TEMP/ideas-cli" --ignore-scripts');
    for (const step of steps) {
      expect(step.run ?? '').not.toMatch(/\bnpx\b/);
      // Expressions pasted into a script are a shell-injection door: they go through env only.
      expect(step.run ?? '').not.toContain('${{');
    }
    const check = steps.find((s) => s.run?.includes(' check '));
    expect(check?.if).toBe("github.event_name == 'pull_request'");
    expect(check?.run).toBe(
      '"$IDEAS" check --base "origin/$BASE_REF" --actor "$PR_AUTHOR" --open-prs --format github',
    );
    expect(check?.env).toEqual({
      BASE_REF: '${{ github.base_ref }}',
      PR_AUTHOR: '${{ github.event.pull_request.user.login }}',
    });
  });

  it('uses current majors of the actions, a blobless full-history checkout and Node 24', async () => {
    const workflow = await initWorkflow();
    for (const job of Object.values(workflow.jobs)) {
      const uses = job.steps.flatMap((s) => (s.uses ? [s.uses] : []));
      expect(uses).toEqual(['actions/checkout@v6', 'actions/setup-node@v6']);
      expect(job.steps.find((s) => s.uses === 'actions/setup-node@v6')?.with).toEqual({
        'node-version': 24,
      });
    }
    expect(workflow.jobs.ideas?.steps[0]?.with).toEqual({ 'fetch-depth': 0, filter: 'blob:none' });
  });

  it('never asks a pull request for IDEAS.md: a job on the default branch regenerates it', async () => {
    const workflow = await initWorkflow();
    const runs = (name: string) => workflow.jobs[name]?.steps.map((s) => s.run ?? '') ?? [];
    expect(runs('ideas').join('\n')).not.toContain('index');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const index = workflow.jobs.index;
    expect(index?.permissions).toEqual({ contents: 'write' });
    expect(index?.if).toBe("github.event_name == 'push' && github.actor != 'github-actions[bot]'");
    const script = runs('index').join('\n');
    expect(script).toContain('"$IDEAS" index --auto');
    expect(script).toContain('[skip ci]');
    expect(script).toContain('git add -- IDEAS.md');
  });

  it.each([
    ['the remote default branch', 'trunk', ['remote']],
    ['the branch checked out when there is no remote', 'develop', ['local']],
  ])('triggers on %s', async (_what, branch, [how]) => {
    const root = makeRepo({}, { commit: false });
    if (how === 'remote') {
      git(root, 'commit', '-q', '--allow-empty', '-m', 'first');
      const remote = join(tempDir('ideas-remote-'), 'remote.git');
      git(root, 'init', '-q', '--bare', '-b', branch, remote);
      git(root, 'push', '-q', remote, `HEAD:refs/heads/${branch}`);
      git(root, 'remote', 'add', 'origin', remote);
      git(root, 'fetch', '-q', 'origin');
      git(root, 'remote', 'set-head', 'origin', '--auto');
      git(root, 'checkout', '-q', '-b', 'some-feature');
    } else git(root, 'checkout', '-q', '-b', branch);
    await initInto(root);
    const workflow = readWorkflow(join(root, '.github/workflows/ideas.yml'));
    expect(workflow.on).toEqual({
      pull_request: { branches: [branch] },
      push: { branches: [branch] },
    });
  });

  it('has a weekly digest, off until uncommented, that writes ideas changes as the summary', async () => {
    const root = makeRepo({}, { commit: false });
    await initInto(root);
    const text = readFileSync(join(root, '.github/workflows/ideas.yml'), 'utf8');
    expect(parse(text)).not.toHaveProperty('jobs.digest');
    // Uncommented as a team would: drop "# " from the schedule and the digest job.
    const lines = text.split('\n');
    const schedule = lines.findIndex((l) => l === '  # schedule:');
    const job = lines.findIndex((l) => l === '  # digest:');
    const on = lines
      .map((line, i) =>
        i === schedule || i === schedule + 1 || (job >= 0 && i >= job)
          ? line.replace(/^( {2})# /, '$1')
          : line,
      )
      .join('\n');
    // An outside schema validator of GitHub workflows accepts it uncommented too.
    expect(validateWorkflow(on).errors).toEqual([]);
    const workflow = parse(on) as Workflow & { on: { schedule?: { cron: string }[] } };
    expect(workflow.on.schedule).toEqual([{ cron: '0 8 * * 1' }]);
    const digest = workflow.jobs.digest;
    expect(digest?.steps.map((s) => s.uses ?? s.name)).toEqual([
      'actions/checkout@v6',
      'actions/setup-node@v6',
      'Install the ideas CLI outside the checkout',
      'What happened in the last 7 days',
    ]);
    // Its last step, run by bash with the built CLI, appends the digest to the summary.
    const forge = makeForge();
    const summary = join(tempDir(), 'summary.md');
    const step = digest?.steps.at(-1)?.run ?? '';
    const ran = spawnSync('bash', ['-eo', 'pipefail', '-c', step], {
      cwd: forge.root,
      encoding: 'utf8',
      env: { ...process.env, IDEAS: BIN, GITHUB_STEP_SUMMARY: summary, IDEAS_TODAY: '2026-11-24' },
    });
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(readFileSync(summary, 'utf8')).toContain('## Changes from 2026-11-17 to now');
  });

  it('CODEOWNERS gives reviewers what could change the tools CI runs', async () => {
    const root = makeRepo({}, { commit: false });
    await initInto(root);
    const owners = readFileSync(join(root, '.github/CODEOWNERS'), 'utf8');
    for (const line of [
      '/.github/ @carol',
      '.npmrc @carol',
      'node_modules/ @carol',
      'package.json @carol',
    ])
      expect(owners).toContain(line);
  });
});

describe('the GitLab CI template', () => {
  it('pins this package, installs it outside the checkout, checks merge requests into Code Quality', async () => {
    const root = makeRepo({}, { commit: false });
    await initInto(root, 'gitlab');
    const pipeline = readGitlabPipeline(join(root, '.gitlab-ci.yml'));
    const cli = pipeline['.ideas-cli'];
    expect(cli?.variables?.IDEAS_PACKAGE).toBe(spec);
    expect(cli?.image).toBe('node:24');
    expect(cli?.before_script?.join('\n')).toContain(
      '(cd /tmp && npm install --prefix /tmp/ideas-cli --ignore-scripts',
    );
    const check = pipeline['ideas-check'];
    expect(check?.extends).toBe('.ideas-cli');
    expect(check?.variables?.GIT_DEPTH).toBe(0);
    expect(check?.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(check?.artifacts?.reports).toEqual({ codequality: 'gl-code-quality-report.json' });
    expect(check?.artifacts?.when).toBe('always');
    const script = Object.values(pipeline)
      .flatMap((job) => [...(job.before_script ?? []), ...(job.script ?? [])])
      .join('\n');
    expect(script).not.toMatch(/\bnpx\b/);
    expect(script).toContain(
      '"$IDEAS" check --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --open-prs --format gitlab > "$CI_PROJECT_DIR/gl-code-quality-report.json"',
    );
    expect(script).not.toContain('index --check');
    expect(pipeline['ideas-index']?.rules).toEqual([
      { if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $IDEAS_PUSH_TOKEN' },
    ]);
    expect(pipeline['ideas-index']?.script?.join('\n')).toContain('[skip ci]');
    const owners = readFileSync(join(root, '.gitlab/CODEOWNERS'), 'utf8');
    expect(owners).toContain('node_modules/ @carol');
    expect(owners).toContain('/.gitlab-ci.yml @carol');
  });
});

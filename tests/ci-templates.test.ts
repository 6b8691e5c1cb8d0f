/**
 * The CI files `ideas init` writes: valid YAML with the expected steps, pinned to this very
 * package, and run step by step with bash as the runner would, on real repositories: the CLI is
 * installed outside the checkout, so a pull request's own node_modules/ or .npmrc never judges it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './helpers/cli.js';
import { git, makeRepo, tempDir } from './helpers/repo.js';
import { branchAs, makeForge, voteText, type Forge } from './helpers/forge.js';
import { readWorkflow, runJob, type Workflow } from './helpers/workflow.js';

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
    const job = workflow.jobs.ideas;
    expect(job?.env?.IDEAS_PACKAGE).toBe(spec);
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
  it('pins this package, installs it outside the checkout and runs validate, check and index', async () => {
    const root = makeRepo({}, { commit: false });
    await initInto(root, 'gitlab');
    const job = (
      parse(readFileSync(join(root, '.gitlab-ci.yml'), 'utf8')) as Record<
        string,
        { image: string; variables: Record<string, unknown>; script: string[] }
      >
    ).ideas;
    expect(job?.variables.IDEAS_PACKAGE).toBe(spec);
    expect(job?.variables.GIT_DEPTH).toBe(0);
    const script = job?.script.join('\n') ?? '';
    expect(script).not.toMatch(/\bnpx\b/);
    expect(script).toContain('(cd /tmp && npm install --prefix /tmp/ideas-cli --ignore-scripts');
    expect(script).toContain(
      '"$IDEAS" check --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --open-prs',
    );
    expect(script).toContain('"$IDEAS" index --check');
    const owners = readFileSync(join(root, '.gitlab/CODEOWNERS'), 'utf8');
    expect(owners).toContain('node_modules/ @carol');
    expect(owners).toContain('/.gitlab-ci.yml @carol');
  });
});

describe('the GitHub workflow, run step by step on a pull request', () => {
  let tarball = '';
  const packDir = mkdtempSync(join(tmpdir(), 'ideas-ci-pack-'));
  afterAll(() => rmSync(packDir, { recursive: true, force: true }));
  beforeAll(() => {
    const dir = packDir;
    // --ignore-scripts: the test run built dist/ already.
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir, '--silent'], {
      cwd: packageRoot,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    tarball = join(dir, readdirSync(dir).find((name) => name.endsWith('.tgz')) ?? '');
  });

  /** The forge's repository with the workflow committed on main, and a PR branch checked out. */
  async function pullRequest(files: Record<string, string>): Promise<Forge> {
    const forge = makeForge();
    await initInto(forge.root);
    git(forge.root, 'add', '-A');
    git(forge.root, 'commit', '-q', '-m', 'CI');
    git(forge.root, 'push', '-q', 'origin', 'main');
    branchAs(forge, 'erin', 'pr', files);
    return forge;
  }

  function runWorkflow(forge: Forge, author: string) {
    const workflow = readWorkflow(join(forge.root, '.github/workflows/ideas.yml'));
    const job = workflow.jobs.ideas;
    if (!job) throw new Error('no ideas job');
    // The pinned package is this build's tarball: what npm would fetch for git-ideas@<version>.
    job.env = { ...job.env, IDEAS_PACKAGE: tarball };
    return runJob(job, {
      workspace: forge.root,
      temp: tempDir('ideas-runner-temp-'),
      eventName: 'pull_request',
      github: { base_ref: 'main', 'event.pull_request.user.login': author },
      // The runner's machine: its PATH, certificates and npm settings, none of the repository's.
      env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
    });
  }

  it(
    'a stub CLI and a .npmrc committed by the pull request are never used',
    { timeout: 300_000 },
    async () => {
      const marker = join(tempDir('ideas-stub-'), 'stub-ran');
      const stub = `#!/bin/sh\ntouch ${marker}\necho "no problems"\nexit 0\n`;
      const forge = await pullRequest({
        // A forged vote: erin writes alice's vote.
        'votes/chat22/alice.md': voteText('chat22', 'alice'),
        'node_modules/.bin/ideas': stub,
        'node_modules/git-ideas/package.json': `{"name":"git-ideas","version":"${manifest.version}","bin":{"ideas":"../.bin/ideas"}}`,
        // A registry that answers nothing: npm would fail here if it read this file.
        '.npmrc': 'registry=http://127.0.0.1:9/\n',
      });
      execFileSync('chmod', ['+x', join(forge.root, 'node_modules/.bin/ideas')]);
      const results = runWorkflow(forge, 'erin');
      const install = results.find((r) => r.step.run?.includes('npm install'));
      expect(install?.stderr ?? '').not.toContain('127.0.0.1:9');
      expect(install?.status).toBe(0);
      const failed = results.at(-1);
      expect(failed?.step.run).toContain(' check ');
      expect(failed?.status).toBe(1);
      expect(failed?.stdout).toContain('title=policy/vote-voter::');
      expect(existsSync(marker)).toBe(false);
    },
  );

  it(
    'an honest vote passes the install, validate and check steps',
    { timeout: 300_000 },
    async () => {
      const forge = await pullRequest({ 'votes/chat22/erin.md': voteText('chat22', 'erin') });
      const results = runWorkflow(forge, 'erin').filter((r) => !r.step.run?.includes('index'));
      for (const result of results) expect(result.status, result.stderr).toBe(0);
      expect(results.map((r) => r.step.name)).toContain(
        'Check who changed what (pull-request policy)',
      );
      expect(results.find((r) => r.step.run?.includes(' check '))?.stdout).toContain(
        'acting as erin (from --actor)',
      );
    },
  );
});

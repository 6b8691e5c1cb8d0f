/**
 * The pull-request flow end to end, as a team lives it: `ideas init` writes the workflow, people
 * propose and vote with `ideas new --branch --push` and `ideas vote --branch --push` in their own
 * clones, and the workflow's `run:` steps run with bash as GitHub's runner would, in a blobless
 * clone of the merge commit, installing the pinned git-ideas from a real npm registry on
 * localhost (verdaccio) where the packed tarball was published. After each merge the index job
 * regenerates IDEAS.md on main. Attacks (a committed CLI stub, an .npmrc, a branch from an old
 * reviewer list) fail, and the stub never runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { runBinary, runCli } from './helpers/cli.js';
import { git, tempDir, writeTree } from './helpers/repo.js';
import {
  BASE_TREE,
  CONFIG,
  commitAs,
  decisionText,
  gitAs,
  makeForge,
  voteText,
  type Forge,
} from './helpers/forge.js';
import { startRegistry, type LocalRegistry } from './helpers/registry.js';
import { jobSummary, readWorkflow, runWorkflowJob, type StepResult } from './helpers/workflow.js';

const packageRoot = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const LONG = { timeout: 600_000 };

let registry: LocalRegistry | undefined;
const packDir = mkdtempSync(join(tmpdir(), 'ideas-flow-pack-'));

beforeAll(async () => {
  registry = await startRegistry();
  const env = npmEnv();
  // --ignore-scripts: the test run built dist/ already.
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir, '--silent'], {
    cwd: packageRoot,
    env,
  });
  const tarball = join(packDir, readdirSync(packDir).find((n) => n.endsWith('.tgz')) ?? '');
  const userConfig = ['--userconfig', registry.userConfig];
  execFileSync('npm', ['publish', tarball, '--ignore-scripts', '--tag', 'latest', ...userConfig], {
    cwd: packDir,
    env,
    stdio: 'pipe',
  });
}, 300_000);

afterAll(() => {
  registry?.stop();
  rmSync(packDir, { recursive: true, force: true });
});

/** The runner's machine: its PATH and certificates, npm pointed at the local registry. */
function npmEnv(): Record<string, string | undefined> {
  if (!registry) throw new Error('the registry did not start');
  return {
    ...process.env,
    NO_COLOR: '1',
    npm_config_registry: registry.url,
    npm_config_cache: registry.npmCache,
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    GITHUB_STEP_SUMMARY: undefined,
  };
}

/** main as `ideas init` leaves it, committed and pushed; the remote serves blobless clones. */
async function forgeWithCi(tree = BASE_TREE): Promise<Forge> {
  const forge = makeForge(tree);
  git(forge.remote, 'config', 'uploadpack.allowFilter', 'true');
  const init = await runCli(['init', '--reviewer', 'carol', '--force'], { cwd: forge.root });
  expect(init.code, init.stderr).toBe(0);
  // The team's own settings (people and reviewers) replace the scaffold's.
  git(forge.root, 'checkout', '--', 'ideas.config.yaml');
  gitAs(forge.root, 'carol', 'add', '-A');
  gitAs(forge.root, 'carol', 'commit', '-q', '-m', 'Start an ideas repository with CI');
  git(forge.root, 'push', '-q', 'origin', 'main');
  return forge;
}

/** Someone's own clone, their git email set as `ideas` reads it. */
function cloneAs(forge: Forge, person: string): string {
  const dir = join(tempDir(`ideas-${person}-`), 'ideas');
  git(tmpdir(), 'clone', '-q', `file://${forge.remote}`, dir);
  git(dir, 'config', 'user.name', person);
  git(dir, 'config', 'user.email', `${person}@example.com`);
  return dir;
}

interface Run {
  results: StepResult[];
  summary: string;
  workspace: string;
}

/**
 * A pull_request run: actions/checkout (fetch-depth 0, filter blob:none) of the merge commit
 * GitHub makes (refs/pull/N/merge), then the job's steps.
 */
function runPullRequest(forge: Forge, branch: string, author: string): Run {
  const workspace = join(tempDir('ideas-workspace-'), 'repo');
  git(tmpdir(), 'clone', '-q', '--filter=blob:none', `file://${forge.remote}`, workspace);
  git(workspace, 'checkout', '-q', '--detach', 'origin/main');
  execFileSync('git', ['merge', '-q', '--no-ff', '--no-edit', `origin/${branch}`], {
    cwd: workspace,
    env: { ...process.env, ...robot('GitHub', 'noreply@github.com') },
  });
  const ctx = {
    workspace,
    temp: tempDir('ideas-runner-temp-'),
    eventName: 'pull_request' as const,
    actor: author,
    github: { base_ref: 'main', 'event.pull_request.user.login': author },
    env: npmEnv(),
  };
  const workflow = readWorkflow(join(workspace, '.github/workflows/ideas.yml'));
  expect(runWorkflowJob(workflow, 'index', ctx)).toBeUndefined();
  const results = runWorkflowJob(workflow, 'ideas', ctx) ?? [];
  return { results, summary: jobSummary(ctx), workspace };
}

/** A push to main: the ideas job (validate), then the index job in a clone of its own. */
function runPush(forge: Forge, actor: string): StepResult[] {
  const results: StepResult[] = [];
  for (const job of ['ideas', 'index']) {
    const workspace = join(tempDir('ideas-workspace-'), 'repo');
    // The index job's checkout is the default one: the tip alone.
    const depth = job === 'index' ? ['--depth', '1'] : ['--filter=blob:none'];
    git(tmpdir(), 'clone', '-q', ...depth, `file://${forge.remote}`, workspace);
    const ctx = {
      workspace,
      temp: tempDir('ideas-runner-temp-'),
      eventName: 'push' as const,
      actor,
      github: { ref_name: 'main' },
      env: npmEnv(),
    };
    const workflow = readWorkflow(join(workspace, '.github/workflows/ideas.yml'));
    const ran = runWorkflowJob(workflow, job, ctx);
    expect(ran, job).toBeDefined();
    results.push(...(ran ?? []));
  }
  return results;
}

function robot(name: string, email: string): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: email,
  };
}

function expectAllPassed(run: Run | StepResult[], steps: number): void {
  const results = Array.isArray(run) ? run : run.results;
  for (const r of results)
    expect(r.status, `${r.step.name ?? r.step.run}: ${r.stdout}${r.stderr}`).toBe(0);
  expect(results).toHaveLength(steps);
}

/** The maintainer merges a pull request on the forge: a merge commit, never a conflict. */
function merge(forge: Forge, branch: string): void {
  git(forge.root, 'checkout', '-q', 'main');
  git(forge.root, 'pull', '-q', '--ff-only', 'origin', 'main');
  git(forge.root, 'fetch', '-q', 'origin');
  execFileSync('git', ['merge', '-q', '--no-ff', '--no-edit', `origin/${branch}`], {
    cwd: forge.root,
    env: { ...process.env, ...robot('carol', 'carol@example.com') },
  });
  git(forge.root, 'push', '-q', 'origin', 'main');
}

const BODY = `## Problem
Night shift operators cannot find the runbook for the label printers.

## Proposal
Pin the runbook link on every printer with a QR sticker.

## Evidence
Four incidents in October waited for the morning team.
`;

describe('the pull-request flow on GitHub, from ideas init to IDEAS.md on main', () => {
  it('the workflow passes an outside schema validator of GitHub workflows', async () => {
    const forge = await forgeWithCi();
    const text = readFileSync(join(forge.root, '.github/workflows/ideas.yml'), 'utf8');
    const state = validateWorkflow(text);
    expect(state.errors).toEqual([]);
    // The validator does fail a broken workflow: a job without runs-on.
    expect(
      validateWorkflow(text.replace('runs-on: ubuntu-latest', 'runs-on:')).errors.length,
    ).toBeGreaterThan(0);
  });

  it.each([
    ['the new idea merges first', ['idea', 'vote']],
    ['the vote merges first', ['vote', 'idea']],
  ])(
    'a PR from ideas new --branch and one from ideas vote --branch pass every step before and after the other merges (%s)',
    LONG,
    async (_order, order) => {
      const forge = await forgeWithCi();
      const alice = cloneAs(forge, 'alice');
      const made = await runCli(
        [
          'new',
          '--title',
          'Printer runbooks',
          '--body-file',
          '-',
          '--yes',
          '--branch',
          '--push',
          '--format',
          'json',
        ],
        { cwd: alice, stdin: BODY },
      );
      expect(made.code, made.stderr).toBe(0);
      const idea = JSON.parse(made.stdout) as { id: string; branch: string };
      const erin = cloneAs(forge, 'erin');
      const voted = await runCli(['vote', 'chat22', '--branch', '--push'], { cwd: erin });
      expect(voted.code, voted.stderr).toBe(0);
      const voteBranch = 'vote/chat22-erin';
      const prs = {
        idea: { branch: idea.branch, author: 'alice' },
        vote: { branch: voteBranch, author: 'erin' },
      };
      const [first, second] = order.map((k) => prs[k as keyof typeof prs]);
      if (!first || !second) throw new Error('two pull requests');

      // Both open at once: each passes install, validate and check, with --open-prs seeing the other.
      const before = [
        runPullRequest(forge, first.branch, first.author),
        runPullRequest(forge, second.branch, second.author),
      ];
      for (const run of before) expectAllPassed(run, 3);

      merge(forge, first.branch);
      expectAllPassed(runPush(forge, 'carol'), 4);
      git(forge.root, 'fetch', '-q', 'origin');
      const afterFirst = git(forge.root, 'log', '-1', '--format=%an|%s', 'origin/main').trim();
      expect(afterFirst).toBe('github-actions[bot]|Regenerate IDEAS.md [skip ci]');
      expect(
        git(forge.root, 'diff-tree', '--no-commit-id', '--name-only', '-r', 'origin/main').trim(),
      ).toBe('IDEAS.md');

      // The second, not rebased, still passes against the new main, and merges cleanly.
      const after = runPullRequest(forge, second.branch, second.author);
      expectAllPassed(after, 3);
      merge(forge, second.branch);
      expectAllPassed(runPush(forge, 'carol'), 4);

      git(forge.root, 'fetch', '-q', 'origin');
      const index = git(forge.root, 'show', 'origin/main:IDEAS.md');
      expect(index).toContain('Printer runbooks');
      expect(index).toContain(idea.id);
      // Nothing changed since: the job commits nothing, so it cannot loop either.
      const tip = git(forge.root, 'rev-parse', 'origin/main').trim();
      expectAllPassed(runPush(forge, 'carol'), 4);
      git(forge.root, 'fetch', '-q', 'origin');
      expect(git(forge.root, 'rev-parse', 'origin/main').trim()).toBe(tip);

      // (d) The vote's summary: chat22 had 0 votes on the base and 1 in the merge result.
      const voteRun = [...before, after].find((r) => r.summary.includes('votes for `chat22`'));
      expect(voteRun?.summary).toContain('- erin votes for `chat22`: 1 point');
      expect(voteRun?.summary).toMatch(
        /\| `chat22` Live chat \| #\d, score 0, 0 votes \| #1, score 1, 1 vote \|/,
      );
      const ideaRun = [...before, after].find((r) => r.summary.includes('New idea'));
      expect(ideaRun?.summary).toContain(`- New idea \`${idea.id}\` Printer runbooks`);
      expect(ideaRun?.summary).toMatch(
        new RegExp(`\\| \`${idea.id}\` Printer runbooks \\| – \\| #\\d, score 0, 0 votes \\|`),
      );
    },
  );

  it(
    'the index job skips pushes by github-actions[bot] and honours index: {auto: false}',
    LONG,
    async () => {
      const forge = await forgeWithCi({
        ...BASE_TREE,
        'ideas.config.yaml': `${CONFIG}index: {auto: false}\n`,
      });
      const workflow = readWorkflow(join(forge.root, '.github/workflows/ideas.yml'));
      const bot = {
        workspace: forge.root,
        temp: tempDir('ideas-runner-temp-'),
        eventName: 'push' as const,
        actor: 'github-actions[bot]',
        github: { ref_name: 'main' },
        env: npmEnv(),
      };
      expect(runWorkflowJob(workflow, 'index', bot)).toBeUndefined();
      const tip = git(forge.root, 'rev-parse', 'HEAD').trim();
      const results = runPush(forge, 'carol');
      expectAllPassed(results, 4);
      expect(results.at(-1)?.stdout).toContain('index: {auto: false}');
      git(forge.root, 'fetch', '-q', 'origin');
      expect(git(forge.root, 'rev-parse', 'origin/main').trim()).toBe(tip);
    },
  );

  it(
    'a committed CLI stub and an .npmrc fail the check, and the stub never runs',
    LONG,
    async () => {
      const forge = await forgeWithCi();
      const marker = join(tempDir('ideas-stub-'), 'stub-ran');
      git(forge.root, 'checkout', '-q', '-b', 'stub');
      commitAs(
        forge.root,
        'erin',
        {
          'votes/chat22/alice.md': voteText('chat22', 'alice'),
          'node_modules/.bin/ideas': `#!/bin/sh\ntouch ${marker}\necho "no problems"\nexit 0\n`,
          'node_modules/git-ideas/package.json': `{"name":"git-ideas","version":"${manifest.version}","bin":{"ideas":"../.bin/ideas"}}`,
          'package.json': `{"name":"x","dependencies":{"git-ideas":"${manifest.version}"}}`,
        },
        'stub',
      );
      chmodSync(join(forge.root, 'node_modules/.bin/ideas'), 0o755);
      gitAs(forge.root, 'erin', 'update-index', '--chmod=+x', 'node_modules/.bin/ideas');
      gitAs(forge.root, 'erin', 'commit', '-q', '--amend', '--no-edit');
      git(forge.root, 'push', '-q', 'origin', 'stub');
      git(forge.root, 'checkout', '-q', '-b', 'npmrc', 'main');
      // A registry that answers nothing: npm would fail the install if it read this file.
      commitAs(forge.root, 'erin', { '.npmrc': 'registry=http://127.0.0.1:9/\n' }, 'npmrc');
      git(forge.root, 'push', '-q', 'origin', 'npmrc');

      for (const [branch, rule] of [
        ['stub', 'policy/vote-voter'],
        ['npmrc', 'policy/reviewer-only'],
      ] as const) {
        const run = runPullRequest(forge, branch, 'erin');
        const install = run.results[0];
        expect(install?.status, install?.stderr).toBe(0);
        expect(install?.stderr ?? '').not.toContain('127.0.0.1:9');
        const failed = run.results.at(-1);
        expect(failed?.step.run).toContain(' check ');
        expect(failed?.status).toBe(1);
        expect(failed?.stdout).toContain(`title=${rule}::`);
        expect(run.summary).toContain(rule);
        // The stub sits in the checkout, executable, and was never called.
        expect(existsSync(join(run.workspace, 'node_modules/.bin/ideas'))).toBe(branch === 'stub');
      }
      expect(existsSync(marker)).toBe(false);
    },
  );

  it(
    'a decision by a reviewer removed on main, on a branch from before, fails (the merge-base attack)',
    LONG,
    async () => {
      const forge = await forgeWithCi({
        ...BASE_TREE,
        'ideas.config.yaml': CONFIG.replace(
          'reviewers: [carol, dave]',
          'reviewers: [carol, dave, bob]',
        ),
      });
      const c1 = git(forge.root, 'rev-parse', 'HEAD').trim();
      commitAs(forge.root, 'carol', { 'ideas.config.yaml': CONFIG }, 'bob is no longer a reviewer');
      git(forge.root, 'push', '-q', 'origin', 'main');
      git(forge.root, 'checkout', '-q', '-b', 'revived', c1);
      commitAs(
        forge.root,
        'bob',
        {
          'decisions/chat22/2026-11-20-reviewing.md': decisionText(
            'chat22',
            'reviewing',
            '2026-11-20',
            ['bob'],
          ),
        },
        'bob decides',
      );
      git(forge.root, 'push', '-q', 'origin', 'revived');
      const run = runPullRequest(forge, 'revived', 'bob');
      // The merge result already fails validation with main's reviewers; check says why as policy.
      const failed = run.results.at(-1);
      expect(failed?.status).toBe(1);
      expect(failed?.stdout).toContain('title=decision/reviewer::');
      const check = runBinary(
        ['check', '--base', 'origin/main', '--actor', 'bob', '--format', 'json'],
        {
          cwd: run.workspace,
        },
      );
      expect(check.code).toBe(1);
      expect(check.stdout).toContain('"rule": "policy/decision-reviewer"');
    },
  );
});

describe('the binary the registry serves', () => {
  it('is this build: the published git-ideas answers --version', () => {
    const dir = tempDir('ideas-install-');
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        dir,
        '--ignore-scripts',
        '--no-save',
        `${manifest.name}@${manifest.version}`,
      ],
      {
        cwd: dir,
        env: npmEnv(),
        stdio: 'pipe',
      },
    );
    const version = execFileSync(join(dir, 'node_modules/.bin/ideas'), ['--version'], {
      encoding: 'utf8',
    });
    expect(version.trim()).toContain(manifest.version);
    writeTree(dir, {});
    expect(runBinary(['--version'], { cwd: dir }).stdout.trim()).toBe(version.trim());
  });
});

describe('the GitLab pipeline, run as its runner would', () => {
  it(
    'ideas-check on a merge request writes the Code Quality report and fails a forged vote',
    LONG,
    async () => {
      const forge = makeForge();
      git(forge.remote, 'config', 'uploadpack.allowFilter', 'true');
      const init = await runCli(['init', '--reviewer', 'carol', '--ci', 'gitlab', '--force'], {
        cwd: forge.root,
      });
      expect(init.code, init.stderr).toBe(0);
      git(forge.root, 'checkout', '--', 'ideas.config.yaml');
      gitAs(forge.root, 'carol', 'add', '-A');
      gitAs(forge.root, 'carol', 'commit', '-q', '-m', 'CI');
      git(forge.root, 'push', '-q', 'origin', 'main');
      git(forge.root, 'checkout', '-q', '-b', 'forged');
      commitAs(
        forge.root,
        'erin',
        { 'votes/chat22/alice.md': voteText('chat22', 'alice') },
        'forged',
      );
      git(forge.root, 'push', '-q', 'origin', 'forged');

      const workspace = join(tempDir('ideas-gitlab-'), 'repo');
      git(tmpdir(), 'clone', '-q', `file://${forge.remote}`, workspace);
      git(workspace, 'checkout', '-q', 'forged');
      const pipeline = parse(readFileSync(join(workspace, '.gitlab-ci.yml'), 'utf8')) as Record<
        string,
        { variables?: Record<string, string | number>; before_script?: string[]; script?: string[] }
      >;
      const cli = pipeline['.ideas-cli'];
      const job = pipeline['ideas-check'];
      // The runner's /tmp is a folder of this test's own.
      const runnerTmp = tempDir('ideas-gitlab-tmp-');
      const script = [...(cli?.before_script ?? []), ...(job?.script ?? [])]
        .join('\n')
        .replaceAll('/tmp', runnerTmp);
      const variables = Object.fromEntries(
        Object.entries({ ...cli?.variables, ...job?.variables }).map(([k, v]) => [k, String(v)]),
      );
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
        cwd: workspace,
        encoding: 'utf8',
        env: {
          ...npmEnv(),
          ...variables,
          CI: 'true',
          GITLAB_CI: 'true',
          CI_PROJECT_DIR: workspace,
          CI_PIPELINE_SOURCE: 'merge_request_event',
          CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
          GITLAB_USER_LOGIN: 'erin',
        },
        timeout: 300_000,
      });
      expect(result.status, result.stderr).toBe(1);
      expect(result.stdout).toContain('policy/vote-voter');
      const report = JSON.parse(
        readFileSync(join(workspace, 'gl-code-quality-report.json'), 'utf8'),
      ) as {
        check_name: string;
        severity: string;
        location: { path: string };
      }[];
      expect(report).toContainEqual(
        expect.objectContaining({
          check_name: 'policy/vote-voter',
          severity: 'major',
          location: expect.objectContaining({ path: 'votes/chat22/alice.md' }),
        }),
      );
      expect(readFileSync(join(workspace, 'ideas-summary.md'), 'utf8')).toContain(
        '**Who acts:** erin (from GITLAB\\_USER\\_LOGIN)',
      );
    },
  );
});

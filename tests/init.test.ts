import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './helpers/cli.js';
import { git, makeRepo } from './helpers/repo.js';

describe('ideas init', () => {
  it('scaffolds a repository that validates clean', async () => {
    const root = makeRepo({}, { commit: false });
    const init = await runCli(['init', '--reviewer', 'carol', '--reviewer', 'dave'], { cwd: root });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Initialised an ideas repository');
    for (const path of [
      'ideas.config.yaml',
      'templates/idea.md',
      'ideas/.gitkeep',
      'votes/.gitkeep',
      'decisions/.gitkeep',
      '.github/workflows/ideas.yml',
      '.github/CODEOWNERS',
      '.github/pull_request_template.md',
    ]) {
      expect(existsSync(join(root, path)), path).toBe(true);
    }
    const config = parse(readFileSync(join(root, 'ideas.config.yaml'), 'utf8'));
    expect(config.reviewers).toEqual(['carol', 'dave']);
    expect(readFileSync(join(root, '.github/CODEOWNERS'), 'utf8')).toContain(
      '/decisions/ @carol @dave',
    );

    const validate = await runCli(['validate'], { cwd: root });
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
  });

  it('writes a GitHub workflow that checks out full history and runs validate', async () => {
    const root = makeRepo({}, { commit: false });
    await runCli(['init', '--reviewer', 'carol'], { cwd: root });
    const workflow = parse(readFileSync(join(root, '.github/workflows/ideas.yml'), 'utf8'));
    const steps = workflow.jobs.ideas.steps as {
      uses?: string;
      with?: Record<string, unknown>;
      run?: string;
    }[];
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(
      0,
    );
    expect(steps.some((s) => s.run?.includes('validate --format github'))).toBe(true);
    expect(workflow.jobs.ideas.defaults.run['working-directory']).toBe('.');
  });

  it('refuses to overwrite without --force, and changes nothing', async () => {
    const root = makeRepo({}, { commit: false });
    await runCli(['init', '--reviewer', 'carol'], { cwd: root });
    writeFileSync(join(root, 'ideas.config.yaml'), 'version: 1\nreviewers: [mine]\n');
    const again = await runCli(['init', '--reviewer', 'carol'], { cwd: root });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('not overwriting');
    expect(again.stderr).toContain('--force');
    expect(readFileSync(join(root, 'ideas.config.yaml'), 'utf8')).toContain('[mine]');

    const forced = await runCli(['init', '--reviewer', 'carol', '--force'], { cwd: root });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(root, 'ideas.config.yaml'), 'utf8')).toContain('reviewers: [carol]');
  });

  it('puts .github at the top of the git repository when the root is a subfolder', async () => {
    const top = makeRepo({ 'README.md': '# monorepo\n' });
    const init = await runCli(['init', 'product/ideas', '--reviewer', 'carol'], { cwd: top });
    expect(init.code).toBe(0);
    expect(existsSync(join(top, 'product/ideas/ideas.config.yaml'))).toBe(true);
    expect(existsSync(join(top, '.github/workflows/ideas.yml'))).toBe(true);
    expect(existsSync(join(top, 'product/ideas/.github'))).toBe(false);
    const workflow = parse(readFileSync(join(top, '.github/workflows/ideas.yml'), 'utf8'));
    expect(workflow.jobs.ideas.defaults.run['working-directory']).toBe('product/ideas');
    expect(readFileSync(join(top, '.github/CODEOWNERS'), 'utf8')).toContain(
      '/product/ideas/decisions/ @carol',
    );
  });

  it('writes GitLab CI files instead with --ci gitlab, and none with --ci none', async () => {
    const gitlab = makeRepo({}, { commit: false });
    expect(
      (await runCli(['init', '--ci', 'gitlab', '--reviewer', 'carol'], { cwd: gitlab })).code,
    ).toBe(0);
    const job = parse(readFileSync(join(gitlab, '.gitlab-ci.yml'), 'utf8'));
    expect(job['ideas-check'].variables.GIT_DEPTH).toBe(0);
    expect(
      (job['ideas-validate'].script as string[]).some((line) => line.includes('validate')),
    ).toBe(true);
    expect(existsSync(join(gitlab, '.github'))).toBe(false);

    const none = makeRepo({}, { commit: false });
    expect(
      (await runCli(['init', '--ci', 'none', '--reviewer', 'carol'], { cwd: none })).code,
    ).toBe(0);
    expect(existsSync(join(none, '.github'))).toBe(false);
    expect(existsSync(join(none, '.gitlab-ci.yml'))).toBe(false);
    expect(existsSync(join(none, 'ideas.config.yaml'))).toBe(true);
  });

  it('takes the first reviewer from the git email when none is given', async () => {
    const root = makeRepo({}, { commit: false });
    git(root, 'config', 'user.email', 'erin.o@example.com');
    await runCli(['init'], { cwd: root });
    expect(parse(readFileSync(join(root, 'ideas.config.yaml'), 'utf8')).reviewers).toEqual([
      'erin.o',
    ]);
  });

  it('rejects a reviewer handle that is not a handle', async () => {
    const root = makeRepo({}, { commit: false });
    const result = await runCli(['init', '--reviewer', 'bad handle!'], { cwd: root });
    expect(result.code).toBe(2);
    expect(existsSync(join(root, 'ideas.config.yaml'))).toBe(false);
  });
});

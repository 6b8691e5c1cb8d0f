// A release can't ship without its build: pack the tarball, install it elsewhere, run the demo.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/repo.js';

const root = join(import.meta.dirname, '..');

describe('the packed tarball', () => {
  it('installs into an empty project and runs ideas demo', { timeout: 240_000 }, () => {
    const packDir = tempDir('ideas-pack-');
    const npm = (args: string[], cwd: string) =>
      execFileSync('npm', args, {
        cwd,
        encoding: 'utf8',
        env: {
          ...process.env,
          npm_config_audit: 'false',
          npm_config_fund: 'false',
          npm_config_update_notifier: 'false',
        },
      });
    // --ignore-scripts: the test run built dist/ already; a rebuild here would pull it from under parallel tests.
    npm(['pack', '--ignore-scripts', '--pack-destination', packDir, '--silent'], root);
    const tarball = readdirSync(packDir).find((name) => name.endsWith('.tgz'));
    expect(tarball).toBeDefined();

    const project = tempDir('ideas-install-');
    writeFileSync(join(project, 'package.json'), '{"name":"try-ideas","private":true}\n');
    npm(['install', '--no-save', '--silent', join(packDir, tarball as string)], project);
    const listing = readdirSync(join(project, 'node_modules', 'git-ideas'));
    for (const shipped of ['bin', 'dist', 'schemas', 'templates', 'README.md'])
      expect(listing).toContain(shipped);
    expect(readdirSync(join(project, 'node_modules', 'git-ideas', 'schemas')).sort()).toEqual([
      'config.schema.json',
      'decision.schema.json',
      'idea.schema.json',
      'vote.schema.json',
    ]);

    const demo = execFileSync(
      join(project, 'node_modules', '.bin', 'ideas'),
      ['demo', '--dir', join(project, 'demo')],
      {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect(demo).toContain('By votes');
    // Both names work: `git ideas rank` finds git-ideas on the PATH as a git subcommand.
    const version = execFileSync(
      join(project, 'node_modules', '.bin', 'git-ideas'),
      ['--version'],
      {
        encoding: 'utf8',
      },
    );
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+/);

    // init copies its files from the package's templates/: they must have shipped, dotfolders too.
    const fresh = join(project, 'fresh');
    execFileSync('git', ['init', '-q', fresh]);
    execFileSync(join(project, 'node_modules', '.bin', 'ideas'), ['init', '--reviewer', 'carol'], {
      cwd: fresh,
    });
    for (const file of [
      'ideas.config.yaml',
      'IDEAS.md',
      'templates/idea.md',
      '.github/workflows/ideas.yml',
      '.github/CODEOWNERS',
    ]) {
      expect(existsSync(join(fresh, file)), file).toBe(true);
    }
  });
});

/**
 * Round 6 attacks through git: refs that exist but name no commit. `--ref HEAD^{tree}` or a tag
 * of a blob used to be "git cannot find the ref ... fetch it first", sending the user to fetch
 * what is already here; it is a usage error that says what the name is.
 */
import { describe, expect, it } from 'vitest';
import { runBinary } from './helpers/cli.js';
import { git, makeRepo } from './helpers/repo.js';
import { ONE_REVIEWER_CONFIG as CONFIG } from './helpers/one-reviewer.js';

describe('a ref to a tree or a blob is refused as such', () => {
  const repo = () => {
    const root = makeRepo({ 'ideas.config.yaml': CONFIG, 'ideas/.gitkeep': '' });
    git(root, 'tag', 'config-blob', 'HEAD:ideas.config.yaml');
    return root;
  };

  it('validate --ref HEAD^{tree}', () => {
    const result = runBinary(['validate', '--ref', 'HEAD^{tree}'], { cwd: repo() });
    expect(result.stderr).toContain('"HEAD^{tree}" names a tree, not a commit');
    expect(result.stderr).not.toContain('fetch');
    expect(result.code).toBe(2);
  });

  it('check --base with a tag of a blob', () => {
    const result = runBinary(['check', '--base', 'config-blob'], { cwd: repo() });
    expect(result.stderr).toContain('"config-blob" names a blob, not a commit');
    expect(result.code).toBe(2);
  });

  it('a ref that is not there still says to fetch it', () => {
    const result = runBinary(['validate', '--ref', 'origin/nowhere'], { cwd: repo() });
    expect(result.stderr).toContain('git cannot find the ref "origin/nowhere"');
    expect(result.code).toBe(3);
  });
});

describe('a repository with no commits says so, not "fetch the ref"', () => {
  const unborn = () => {
    const root = makeRepo({ 'ideas.config.yaml': CONFIG, 'ideas/.gitkeep': '' }, { commit: false });
    return root;
  };

  it.each([
    ['validate --ref HEAD', ['validate', '--ref', 'HEAD']],
    ['check --base main', ['check', '--base', 'main']],
    ['changes', ['changes']],
  ])('%s', (_name, argv) => {
    const result = runBinary(argv, { cwd: unborn() });
    expect(result.stderr).toMatch(/this repository has no commits yet, so there is no ref "\w+"/);
    expect(result.stderr).toContain('git commit');
    expect(result.stderr).not.toContain('fetch');
    expect(result.code).toBe(3);
  });
});

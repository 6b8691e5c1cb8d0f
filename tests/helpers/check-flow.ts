/**
 * The steps of a pull-request test: a repository on main, a branch, commits by people on
 * either side, and `ideas check` against main as someone.
 */
import { runCli, type CliResult } from './cli.js';
import { commitAs } from './forge.js';
import { git, makeRepo, type Tree } from './repo.js';

/** A repository with `tree` committed on main, and a branch `pr` from it checked out. */
export function repoOnBranch(tree: Tree): string {
  const root = makeRepo(tree);
  git(root, 'checkout', '-q', '-b', 'pr');
  return root;
}

/** One commit by `person` on main (the base moving on), then back on `pr`. */
export function commitOnBase(
  root: string,
  person: string,
  files: Record<string, string | null>,
  message: string,
): void {
  git(root, 'checkout', '-q', 'main');
  commitAs(root, person, files, message);
  git(root, 'checkout', '-q', 'pr');
}

/** `ideas check --base main --actor ACTOR`, in-process. */
export function checkAs(root: string, actor: string, ...more: string[]): Promise<CliResult> {
  return runCli(['check', '--base', 'main', '--actor', actor, ...more], { cwd: root });
}

/** The rule ids of a `check --format json` or `validate --format json` answer. */
export function rulesOf(result: CliResult): string[] {
  return (JSON.parse(result.stdout) as { problems: { rule: string }[] }).problems.map(
    (p) => p.rule,
  );
}

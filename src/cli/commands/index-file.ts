/**
 * `ideas index [--check]`: write IDEAS.md, or in CI say whether it is out of date. With `--at`
 * or `--ref` it reads that commit instead (the one resolution of cli/repository.ts): it prints
 * the IDEAS.md of then, or `--check`s the one committed there, and never writes the past over
 * the present.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { resolveCommit, runGit, type GitDir } from '../../git/git-process.js';
import { findRootPrefix, toGitPath } from '../../git/locate.js';
import { formatIdeasIndex, INDEX_FILE } from '../../report/ideas-index.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { withLock } from '../../write/lock.js';
import type { Context } from '../context.js';
import { displayPathFn, loadRepository, rootOf } from '../repository.js';
import type { CommandHandler } from '../spec.js';
import type { ReadFlags } from '../options.js';

export interface IndexOptions extends ReadFlags {
  check: boolean;
  /** Write nothing when the config says index: {auto: false}: what the job on the default branch runs. */
  auto: boolean;
}

export const run: CommandHandler<IndexOptions> = async (ctx, _args, options) =>
  options.check || options.ref !== undefined || options.at !== undefined
    ? writeIndex(ctx, options)
    : // Two runs at once (a merge queue, a hook and a person): the second reads what the first wrote.
      withLock(ctx.git(rootOf(ctx, options)), 'index', () => writeIndex(ctx, options));

async function writeIndex(ctx: Context, options: IndexOptions): Promise<number> {
  const { root, repo, ref } = await loadRepository(ctx, options);
  if (options.auto && !repo.config.index.auto) {
    ctx.out('IDEAS.md is off in ideas.config.yaml (index: {auto: false}): nothing written\n');
    return ExitCode.ok;
  }
  const shown = displayPathFn(ctx, root)(INDEX_FILE);
  const wanted = formatIdeasIndex(repo);
  if (ref !== undefined) {
    const where = options.at ?? ref;
    if (!options.check) {
      ctx.out(wanted);
      return ExitCode.ok;
    }
    const committed = committedIndex(ctx.git(root), ref);
    if (committed === wanted) {
      ctx.out(`✓ ${shown} is up to date at ${where}\n`);
      return ExitCode.ok;
    }
    ctx.err(
      `${shown} is ${committed === undefined ? 'missing' : 'out of date'} at ${where}: run "ideas index" on that branch and commit ${shown}\n`,
    );
    return ExitCode.problemsFound;
  }
  const path = join(root, INDEX_FILE);
  // IDEAS.md comes from pull requests too: a link could point anywhere (or at /dev/zero).
  if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
    throw new UsageError(
      `${shown} is a symbolic link`,
      `replace it with the file itself: rm ${shown} && ideas index`,
    );
  }
  let current: string | undefined;
  try {
    // A Windows checkout may have turned the newlines into CRLF: that is not a change.
    current = readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
  } catch {
    current = undefined;
  }
  const fresh = current === wanted;
  if (options.check) {
    if (fresh) {
      ctx.out(`✓ ${shown} is up to date\n`);
      return ExitCode.ok;
    }
    ctx.err(
      `${shown} is ${current === undefined ? 'missing' : 'out of date'}: run "ideas index" and commit ${shown}\n`,
    );
    return ExitCode.problemsFound;
  }
  if (fresh) {
    ctx.out(`✓ ${shown} is already up to date\n`);
    return ExitCode.ok;
  }
  writeFileAtomic(path, wanted);
  ctx.out(`wrote ${shown} (${repo.ideasById.size} ideas)\n`);
  return ExitCode.ok;
}

/** IDEAS.md as committed at `ref` (already resolved by the read), or undefined when absent. */
function committedIndex(git: GitDir, ref: string): string | undefined {
  const path = toGitPath(findRootPrefix(git) ?? '', INDEX_FILE);
  const blob = runGit(git, ['cat-file', 'blob', `${resolveCommit(git, ref)}:${path}`]);
  return blob.status === 0 ? blob.stdout.toString('utf8').replace(/\r\n/g, '\n') : undefined;
}

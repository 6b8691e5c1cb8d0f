/** `ideas index [--check]`: write IDEAS.md, or in CI say whether it is out of date. */
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { formatIdeasIndex, INDEX_FILE } from '../../report/ideas-index.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { withLock } from '../../write/lock.js';
import type { Context } from '../context.js';
import { displayPathFn, loadRepository, rootOf } from '../repository.js';
import type { CommandHandler } from '../spec.js';

export interface IndexOptions {
  root: string | undefined;
  check: boolean;
  /** Write nothing when the config says index: {auto: false}: what the job on the default branch runs. */
  auto: boolean;
}

export const run: CommandHandler<IndexOptions> = async (ctx, _args, options) =>
  options.check
    ? writeIndex(ctx, options)
    : // Two runs at once (a merge queue, a hook and a person): the second reads what the first wrote.
      withLock(ctx.git(rootOf(ctx, options)), 'index', () => writeIndex(ctx, options));

async function writeIndex(ctx: Context, options: IndexOptions): Promise<number> {
  const { root, repo } = await loadRepository(ctx, { root: options.root, ref: undefined });
  if (options.auto && !repo.config.index.auto) {
    ctx.out('IDEAS.md is off in ideas.config.yaml (index: {auto: false}): nothing written\n');
    return ExitCode.ok;
  }
  const path = join(root, INDEX_FILE);
  const shown = displayPathFn(ctx, root)(INDEX_FILE);
  const wanted = formatIdeasIndex(repo);
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

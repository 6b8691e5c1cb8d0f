/** `ideas demo`: a real sample repository with months of history, then a first look at it. */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Chalk } from 'chalk';
import {
  buildDemoRepository,
  discardDemoFolder,
  prepareDemoFolder,
  type DemoRepository,
} from '../../demo/build-demo.js';
import { builtInTemplate, readRepository } from '../../read/repository.js';
import { rankIdeas } from '../../rank/rank.js';
import { findPackageRoot } from '../../read/package-files.js';
import { ExitCode, GitError } from '../../errors.js';
import type { CommandHandler } from '../spec.js';
import { rankSpec } from '../specs/rank.js';
import type { ReadFlags } from '../options.js';

export interface DemoOptions extends Pick<ReadFlags, 'cache'> {
  dir: string | undefined;
}

export const run: CommandHandler<DemoOptions> = async (ctx, _args, options) => {
  const folder = prepareDemoFolder(ctx.cwd, options.dir, ctx.tempDir);
  const { root } = folder;
  let built: DemoRepository;
  try {
    built = buildDemoRepository(root, builtInTemplate(), ctx.env);
  } catch (error) {
    discardDemoFolder(folder);
    if (error instanceof GitError)
      throw new GitError(
        error.message,
        `nothing is left in ${root}; ${error.hint ?? 'free some space or check git, then run ideas demo again'}`,
      );
    throw error;
  }
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  ctx.out(
    [
      `${c.green('✓')} Built a sample ideas repository for "Northwind Goods" in`,
      `  ${c.bold(root)}`,
      `  ${built.ideas} ideas, ${built.votes} votes and ${built.decisions} decisions by 25 people in 7 teams,`,
      `  in ${built.commits} commits from May to November 2026.`,
      '',
      c.bold('$ ideas rank --limit 10'),
      '',
    ].join('\n'),
  );
  // The real command on the new repository: what the user sees is what they will get.
  const code = await rankSpec.run(ctx, [], { root, limit: '10', cache: options.cache });
  if (code !== ExitCode.ok) return code;
  const { repo } = await readRepository({ root, env: ctx.env, cache: options.cache });
  const top = rankIdeas(repo, { today: ctx.today })[0]?.idea.id ?? '<id>';
  ctx.out(
    [
      '',
      c.bold('Try next'),
      ...(onPath(ctx.env.PATH)
        ? []
        : [
            `  alias ideas='node ${join(findPackageRoot(), 'bin', 'ideas.js')}'   # ideas is not on your PATH`,
          ]),
      `  cd ${root}`,
      `  ideas show ${top}            # one idea: its votes, decisions and similar ideas`,
      '  ideas rank --by rice           # or ice, wsjf, wilson, hot, weighted',
      '  ideas rank --tree              # themes with the ideas under them',
      '  ideas queue                    # what waits for reviewers',
      '  ideas validate                 # every file checked, as CI would',
      '  ideas --help                   # every command',
      '',
    ].join('\n'),
  );
  return ExitCode.ok;
};

/** Whether typing `ideas` in a shell would run this tool (as after `npm install -g`). */
function onPath(path: string | undefined): boolean {
  return (path ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, 'ideas')));
}

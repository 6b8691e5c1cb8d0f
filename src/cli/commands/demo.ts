/** `ideas demo`: a real sample repository with months of history, then a first look at it. */
import { Chalk } from 'chalk';
import { buildDemoRepository, prepareDemoFolder } from '../../demo/build-demo.js';
import { builtInTemplate, readRepository } from '../../read/repository.js';
import { rankIdeas } from '../../rank/rank.js';
import { sanitizeLine } from '../../format/sanitize.js';
import { ExitCode } from '../../errors.js';
import { findPackageRoot } from '../../read/package-files.js';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { CommandHandler } from '../spec.js';

export const run: CommandHandler = async (ctx, _args, options) => {
  const root = prepareDemoFolder(ctx.cwd, options.dir as string | undefined);
  const built = buildDemoRepository(root, builtInTemplate());
  const { repo } = await readRepository({ root });
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const ranked = rankIdeas(repo, { today: ctx.today }).slice(0, 10);
  const lines = [
    `${c.green('✓')} Built a sample ideas repository for "Northwind Goods" in`,
    `  ${c.bold(root)}`,
    `  ${built.ideas} ideas, ${built.votes} votes and ${built.decisions} decisions by 25 people in 7 teams,`,
    `  in ${built.commits} commits from May to November 2026.`,
    '',
    c.bold('Top open ideas by votes'),
    ...ranked.map((entry, index) => {
      const title = sanitizeLine(entry.idea.title);
      const short = title.length > 46 ? `${title.slice(0, 45)}…` : title;
      return `${String(index + 1).padStart(3)}. ${c.dim(entry.idea.id)}  ${short.padEnd(46)} ${String(entry.votes).padStart(3)} votes  ${entry.status}`;
    }),
    '',
    c.bold('Try next'),
    ...(onPath(ctx.env.PATH)
      ? []
      : [
          `  alias ideas='node ${join(findPackageRoot(), 'bin', 'ideas.js')}'   # ideas is not on your PATH`,
        ]),
    `  cd ${root}`,
    '  ideas validate                 # every file checked, as CI would',
    '  ideas validate --format json',
    '  ideas --help                   # every command',
    '',
  ];
  ctx.out(lines.join('\n'));
  return ExitCode.ok;
};

/** Whether typing `ideas` in a shell would run this tool (as after `npm install -g`). */
function onPath(path: string | undefined): boolean {
  return (path ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, 'ideas')));
}

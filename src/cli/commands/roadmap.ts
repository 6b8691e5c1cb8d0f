/** `ideas roadmap`: the repository (now or --at), its history's dates, the stages past review. */
import { resolve } from 'node:path';
import { ExitCode } from '../../errors.js';
import { readFileHistory } from '../../git/file-history.js';
import { historyKeys, resolveDates } from '../../model/record-dates.js';
import { countSupport } from '../../model/support.js';
import { formatRoadmap } from '../../report/format-roadmap.js';
import { buildRoadmap } from '../../report/roadmap.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { forgeLinksOf } from '../forge-links.js';
import { refuseRepositoryFile } from '../output-path.js';
import { loadRepository } from '../repository.js';
import type { CommandHandler } from '../spec.js';
import type { ReadFlags } from '../options.js';
import type { ROADMAP_FORMATS } from '../../report/format-roadmap.js';
export interface RoadmapOptions extends ReadFlags {
  at: string | undefined;
  out: string | undefined;
  format: (typeof ROADMAP_FORMATS)[number];
}

export const run: CommandHandler<RoadmapOptions> = async (ctx, _args, options) => {
  const { root, repo, ref, today } = await loadRepository(ctx, options);
  const git = ctx.git(root);
  const dates = resolveDates(repo, readFileHistory(git, ref, historyKeys(repo)));
  const roadmap = buildRoadmap(repo, { today, dates, support: countSupport(repo) });
  const text = formatRoadmap(options.format, roadmap, forgeLinksOf(git, ref));
  const out = options.out;
  if (out === undefined) ctx.out(text);
  else {
    const target = resolve(ctx.cwd, out);
    refuseRepositoryFile(root, target);
    writeFileAtomic(target, text);
    ctx.out(`${target}\n`);
  }
  return ExitCode.ok;
};

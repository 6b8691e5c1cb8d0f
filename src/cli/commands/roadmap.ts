/** `ideas roadmap`: the repository (now or --at), its history's dates, the stages past review. */
import { resolve } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { readFileHistory } from '../../git/file-history.js';
import { parseMoment, resolveMoment } from '../../git/point-in-time.js';
import { resolveDates } from '../../model/record-dates.js';
import { countSupport } from '../../model/support.js';
import { formatRoadmap } from '../../report/format-roadmap.js';
import { buildRoadmap } from '../../report/roadmap.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { readRepository } from '../../read/repository.js';
import { forgeLinksOf } from '../forge-links.js';
import { rootOf } from '../repository.js';
import type { CommandHandler } from '../spec.js';
import type { ReadFlags } from '../options.js';
import type { ROADMAP_FORMATS } from '../../report/format-roadmap.js';
export interface RoadmapOptions extends ReadFlags {
  at: string | undefined;
  out: string | undefined;
  format: (typeof ROADMAP_FORMATS)[number];
}

export const run: CommandHandler<RoadmapOptions> = async (ctx, _args, options) => {
  const root = rootOf(ctx, options);
  const git = ctx.git(root);
  let ref = options.ref;
  let today = ctx.today;
  const at = options.at;
  if (at !== undefined) {
    const point = resolveMoment(git, parseMoment(at, '--at'), ref ?? 'HEAD', 'end');
    if (point.commit === null)
      throw new UsageError(`there is no commit on ${ref ?? 'HEAD'} by ${at}`, 'pass a later --at');
    ref = point.commit;
    today = point.day;
  }
  const { repo } = await readRepository({ root, ref, env: ctx.env });
  const dates = resolveDates(repo, readFileHistory(git, ref));
  const roadmap = buildRoadmap(repo, { today, dates, support: countSupport(repo) });
  const text = formatRoadmap(options.format, roadmap, forgeLinksOf(git));
  const out = options.out;
  if (out === undefined) ctx.out(text);
  else {
    const target = resolve(ctx.cwd, out);
    writeFileAtomic(target, text);
    ctx.out(`${target}\n`);
  }
  return ExitCode.ok;
};

/** `ideas changelog`: what was delivered between two states of the branch. */
import { ExitCode } from '../../errors.js';
import { formatChangelog } from '../../format/changelog.js';
import { changelogBetween } from '../../history/changelog.js';
import { readStatesBetween } from '../window.js';
import { forgeLinksOf } from '../forge-links.js';
import { rootOf } from '../repository.js';
import type { CommandHandler } from '../spec.js';
import type { ReadFlags } from '../options.js';
import type { CHANGELOG_FORMATS } from '../../format/changelog.js';
export interface ChangelogOptions extends ReadFlags {
  since: string | undefined;
  until: string | undefined;
  format: (typeof CHANGELOG_FORMATS)[number];
}

export const run: CommandHandler<ChangelogOptions> = async (ctx, _args, options) => {
  const window = await readStatesBetween(ctx, options, undefined);
  const changelog = changelogBetween(window.before, window.after, window);
  // A window that ends at a chosen point links to the files as they were there.
  const chosenEnd = options.until ?? options.at ?? options.ref;
  const end = chosenEnd === undefined ? undefined : (window.until.commit ?? undefined);
  const links = forgeLinksOf(ctx.git(rootOf(ctx, options)), end);
  ctx.out(formatChangelog(options.format, changelog, links));
  return ExitCode.ok;
};

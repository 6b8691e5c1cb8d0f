/** `ideas show <id>`: one idea with its decisions, votes, customers, theme and similar ideas. */
import { ExitCode } from '../../errors.js';
import { cacheTrace, loadRepository, rootOf } from '../repository.js';
import { normaliseIdeaId } from '../idea-id.js';
import { selectionPathspecs } from '../../validate/reach.js';
import { firstRead } from '../show-selection.js';
import { join, relative } from 'node:path';
import { CONFIG_FILE, TEMPLATE_PATH } from '../../model/layout.js';
import { buildId, cacheFolder, cachingEnabled } from '../../cache/location.js';
import { keyOf, ResultCache } from '../../cache/result-cache.js';
import { listedWithin, nameView, newIndexScan, scanSpecs } from '../../read/index-scan.js';
import type { Context } from '../context.js';
import type { CommandHandler } from '../spec.js';

import type { ShowOptions } from './show-answer.js';

export type { ShowOptions };

// The reader, the parsers and the formats load once the answer is not in the result cache.
const answering = () => import('./show-answer.js');

export const run: CommandHandler<ShowOptions> = async (ctx, args, options) => {
  const typed = args[0] ?? '';
  if (options.at === undefined && options.ref === undefined) {
    ctx.out(await showWorkingTree(ctx, typed, options));
    return ExitCode.ok;
  }
  const { readForShow, render } = await answering();
  const repo =
    options.at === undefined
      ? await readForShow(ctx, normaliseIdeaId(typed), options)
      : (await loadRepository(ctx, options)).repo;
  ctx.out(render(ctx, repo, typed, options));
  return ExitCode.ok;
};

/**
 * `show` in the working tree, answered from the result cache when the files it reads are as they
 * were: its first read's folders (every idea and decision, the idea's votes) named by the
 * index's blob ids and the changed files' text, which listing them costs anyway. An answer that
 * needed more (a duplicate's votes, a budget's other votes) is not kept: its key would not name
 * all it read.
 */
async function showWorkingTree(ctx: Context, typed: string, options: ShowOptions): Promise<string> {
  const id = normaliseIdeaId(typed);
  const root = rootOf(ctx, options);
  const dir = ctx.git(root);
  const scan = newIndexScan();
  const specs = [...selectionPathspecs(firstRead(id)), TEMPLATE_PATH, CONFIG_FILE];
  const build = buildId();
  // IDEAS_FULL_READ is the reference a partial read is compared with: always computed.
  const folder =
    build && cachingEnabled(dir, options.cache) && ctx.env.IDEAS_FULL_READ !== '1'
      ? cacheFolder(dir)
      : undefined;
  const results = folder && build ? new ResultCache(join(folder, 'results'), build) : undefined;
  const trace = cacheTrace(ctx);
  let key: string | undefined;
  if (results) {
    const view = await scanSpecs(dir, scan, specs).view;
    const cwd = relative(ctx.cwd, root);
    if (view)
      key = keyOf([
        nameView(dir, scan, view),
        ctx.today,
        'show',
        typed,
        options.format,
        ctx.color,
        cwd,
      ]);
    const cached = key === undefined ? undefined : results.get(key);
    if (cached) {
      trace?.('answered show from the result cache');
      return cached.out;
    }
  }
  const { readForShow, render } = await answering();
  const out = render(ctx, await readForShow(ctx, id, options, scan), typed, options);
  if (results) trace?.('computed show');
  if (results && key !== undefined && listedWithin(scan, specs))
    results.put(key, { out, err: '', code: ExitCode.ok });
  return out;
}

/** `ideas show <id>`: one idea with its decisions, votes, customers, theme and similar ideas. */
import { ideaJson, ideaText } from '../../format/idea.js';
import { describeIdea } from '../../model/idea-detail.js';
import { statusOf } from '../../model/lifecycle.js';
import { ExitCode, UsageError } from '../../errors.js';
import { loadRepository, rootOf } from '../repository.js';
import { normaliseIdeaId, resolveIdeaId } from '../idea-id.js';
import { canonicalIdeaId } from '../../model/lifecycle.js';
import type { Repository } from '../../model/repository.js';
import { isRead, readToJudge } from '../../validate/affected.js';
import { emptySelection, selectionPathspecs, type Selection } from '../../validate/reach.js';
import { join, relative } from 'node:path';
import { CONFIG_FILE, TEMPLATE_PATH } from '../../model/layout.js';
import { buildId, cacheFolder, cachingEnabled } from '../../cache/location.js';
import { keyOf, ResultCache } from '../../cache/result-cache.js';
import {
  listedWithin,
  nameView,
  newIndexScan,
  scanSpecs,
  type IndexScan,
} from '../../read/index-scan.js';
import { handleKey } from '../../model/people.js';
import { subsetReader } from '../read-selection.js';
import type { Context } from '../context.js';
import { countSupport } from '../../model/support.js';
import type { CommandHandler } from '../spec.js';
import type { ReadFlags } from '../options.js';

export interface ShowOptions extends ReadFlags {
  format: 'text' | 'json';
}

export const run: CommandHandler<ShowOptions> = async (ctx, args, options) => {
  const typed = args[0] ?? '';
  if (options.at === undefined && options.ref === undefined) {
    ctx.out(await showWorkingTree(ctx, typed, options));
    return ExitCode.ok;
  }
  const repo =
    options.at === undefined
      ? await readForShow(ctx, normaliseIdeaId(typed), options)
      : (await loadRepository(ctx, options)).repo;
  ctx.out(render(ctx, repo, typed, options));
  return ExitCode.ok;
};

function render(ctx: Context, repo: Repository, typed: string, options: ShowOptions): string {
  const id = resolveIdeaId(repo, typed, options.ref ? `at ${options.ref}` : '');
  const detail = describeIdea(repo, id, countSupport(repo));
  if (!detail) throw new UsageError(`there is no idea "${id}"`);
  return options.format === 'json'
    ? ideaJson(detail)
    : ideaText(detail, { color: ctx.color, statusOf: (other) => statusOf(repo, other) });
}

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
  const trace = ctx.env.IDEAS_CACHE_TRACE
    ? (what: string) => ctx.err(`ideas: cache: ${what}\n`)
    : undefined;
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
  const out = render(ctx, await readForShow(ctx, id, options, scan), typed, options);
  if (results) trace?.('computed show');
  if (results && key !== undefined && listedWithin(scan, specs))
    results.put(key, { out, err: '', code: ExitCode.ok });
  return out;
}

/** Before anything is read: every idea and decision, and the votes on the idea. */
function firstRead(id: string): Selection {
  const selection = emptySelection();
  selection.everyIdea = true;
  selection.votesOn.add(id);
  return selection;
}

/**
 * What showing one idea reads: every idea and decision (its theme, children, duplicates and
 * similar ideas, their statuses), the votes on it and its duplicates, and under a budget their
 * voters' other votes, which decide what each vote counts. Not the other ideas' votes.
 */
async function readForShow(
  ctx: Context,
  id: string,
  options: ShowOptions,
  scan?: IndexScan,
): Promise<Repository> {
  const { read } = subsetReader({
    root: rootOf(ctx, options),
    ref: options.ref,
    env: ctx.env,
    cache: options.cache,
    scan,
  });
  return readToJudge(read, [], (repo) => {
    const selection = firstRead(id);
    if (!isRead(repo)) return selection;
    for (const idea of repo.ideas)
      if (canonicalIdeaId(repo, idea.id) === id) selection.votesOn.add(idea.id);
    if (repo.config.voting.mode !== 'simple')
      for (const vote of repo.votes)
        if (selection.votesOn.has(vote.idea)) selection.votesBy.add(handleKey(vote.voter));
    return selection;
  });
}

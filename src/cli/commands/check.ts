/** `ideas check --base REF`: the pull-request policy of SPEC §6 over HEAD's changes since it left REF. */
import { appendFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { buildId, cacheFolder, cachingEnabled } from '../../cache/location.js';
import { keyOf, ResultCache, type Answer } from '../../cache/result-cache.js';
import { ExitCode, GitError, UsageError } from '../../errors.js';
import { formatCheckSummary } from '../../format/check-summary.js';
import { summarizeChanges } from '../../policy/summary.js';
import { mergeResult } from '../merge-result.js';
import { formatCheck, type CheckReport } from '../../format/check.js';
import { gitOutput, gitOutputAsync, resolveCommit, type GitDir } from '../../git/git-process.js';
import {
  assertFullHistory,
  mergeBase,
  readChanges,
  readPathAuthors,
  resolveBase,
  type DiffEntry,
} from '../../git/diff.js';
import { requireRootPrefix, toGitPath } from '../../git/locate.js';
import { CONFIG_FILE, placeFile } from '../../model/layout.js';
import { handleKey } from '../../model/people.js';
import { HANDLE_PATTERN } from '../../schema/common.js';
import { chooseActor, personOfEmail } from '../../policy/actor.js';
import { classifyPath, foldName, prefixesOf, steersCi } from '../../policy/paths.js';
import {
  checkPolicy,
  withoutSuperseded,
  type Acting,
  type PathChange,
} from '../../policy/policy.js';
import { mergedInto, readRepository, type ReadOptions } from '../../read/repository.js';
import { policyReads } from '../../policy/registry.js';
import { declaredReads, readToJudge } from '../../validate/affected.js';
import {
  emptySelection,
  mergeSelections,
  readsFor,
  within,
  type Selection,
} from '../../validate/reach.js';
import { selectionOptions, subsetReader } from '../read-selection.js';
import type { Repository } from '../../model/repository.js';
import { sortProblems, validateRepository } from '../../validate/validate.js';
import { readOpenPrs } from '../open-prs.js';
import { adoptionOf } from '../adoption.js';
import { startProgress } from '../progress.js';
import { cacheTrace, rootOf } from '../repository.js';
import type { CommandHandler } from '../spec.js';
import type { Context } from '../context.js';
import type { FORMAT_CHOICES } from '../spec.js';
import type { ReadFlags } from '../options.js';

export interface CheckOptions extends Pick<ReadFlags, 'cache'> {
  root: string | undefined;
  base: string;
  head: string;
  /** As typed: `""` is refused by the command, not taken for "absent". */
  actor: string | undefined;
  openPrs: boolean;
  /** `--summary FILE`; `""` is refused by the command. */
  summary: string | undefined;
  format: (typeof FORMAT_CHOICES)[number];
}

export const run: CommandHandler<CheckOptions> = async (ctx, _args, options) => {
  const root = rootOf(ctx, options);
  const dir = ctx.git(root);
  const baseRef = options.base;
  const headRef = options.head;
  const chosen = chooseActor(options.actor, ctx.env);
  if (chosen.source === '--actor' && !HANDLE_PATTERN.test(chosen.handle ?? ''))
    throw new UsageError(
      `--actor "${chosen.handle}" is not a handle`,
      'pass a handle such as alice: letters, digits, ".", "_" or "-"',
    );

  const progress = startProgress(ctx);
  progress.phase('reading the history');
  const prefix = requireRootPrefix(dir, 'ideas check compares git commits: run it in a clone');
  assertFullHistory(dir);
  const baseCommit = resolveBase(dir, baseRef);
  const headCommit = resolveCommit(dir, headRef);
  const answers = checkAnswers(ctx, dir, options, [
    baseRef,
    baseCommit,
    headCommit,
    prefix,
    chosen,
  ]);
  const cached = answers?.get();
  if (cached) {
    progress.done();
    if (cached.err !== '') ctx.err(cached.err);
    ctx.out(cached.out);
    return cached.code;
  }
  const base = mergeBase(dir, baseCommit, headCommit);
  // Above a subfolder root, the files that steer CI (workflows, CODEOWNERS, npm's files) are
  // judged too, by their path from the top; everything else up there is not the ideas' business.
  const outside = new Set<string>();
  const toRoot = (path: string): string | undefined => {
    if (prefix === '') return path;
    if (path.startsWith(`${prefix}/`)) return path.slice(prefix.length + 1);
    if (!steersCi(path)) return undefined;
    outside.add(path);
    return path;
  };
  const toTop = (path: string): string =>
    prefix === '' || outside.has(path) ? path : `${prefix}/${path}`;

  const rawChanges = readChanges(dir, base, headCommit);
  if (rawChanges.length === 0) assertSameTree(dir, base, headCommit);
  const changes = rawChanges.flatMap((change) => toPathChanges(change, toRoot));

  // The pull request that adds ideas.config.yaml to a base without one (adoption.ts).
  const adoption = await adoptionOf(dir, prefix, { ref: baseRef, commit: baseCommit }, changes);
  const notice = adoption.notice === undefined ? '' : `ideas check: ${adoption.notice}`;
  if (notice !== '') ctx.err(notice);

  progress.phase('reading both sides');
  // The diff is taken from the merge base, but authority (reviewers, people, quorum, lifecycle,
  // ids, authors, statuses) from the tip of the base branch: a branch started from an old commit
  // must not revive an old reviewer list.
  const touchedTop = touchedPaths(changes).map(toTop);
  // Case twins as the merge result has them: the head's paths and the base tip's the branch
  // leaves in place (a twin merged on the base since the branch started collides too).
  const gone = new Set(
    changes.flatMap((c) => (c.status === 'deleted' ? [c.path] : (c.from ?? []))),
  );
  // Both commits' folders are walked side by side: each walk is a chain of small git calls.
  const [headCandidates, baseCandidates] = await Promise.all([
    caseCandidates(dir, headCommit, touchedTop),
    caseCandidates(dir, baseCommit, touchedTop),
  ]);
  const headPaths = [...new Set([...headCandidates, ...baseCandidates])]
    .flatMap((p) => toRoot(p) ?? [])
    .filter((p) => !gone.has(p));
  const baseIdeas = gitOutput(dir, [
    'ls-tree',
    '-r',
    '-z',
    '--name-only',
    '--full-tree',
    baseCommit,
    '--',
    toGitPath(prefix, 'ideas/'),
  ]);
  const baseIdeaPaths = ideaPathsById(
    baseIdeas.split('\0').flatMap((p) => (p === '' ? [] : (toRoot(p) ?? []))),
  );

  // The other branches' votes count in a budget: read first, so their ideas are read with the head.
  const openPrs = options.openPrs
    ? await readOpenPrs({
        root,
        dir,
        env: ctx.env,
        cache: options.cache,
        baseRef,
        baseCommit,
        headCommit,
        voters: new Set(
          changes.flatMap((c) => {
            const placed = placeFile(c.path);
            return placed.kind === 'vote' && placed.voter ? [handleKey(placed.voter)] : [];
          }),
        ),
        toRoot,
      })
    : undefined;
  // Only what the rules read of each side: the changed files, their ideas, those ideas' votes
  // and decisions, a voter's other votes under a budget (validate/reach.ts).
  // The branch's files are validated with the settings they will merge into: the tip's config,
  // unless the branch itself changes it (which needs a reviewer).
  const ownConfig = changes.some((c) => c.path === CONFIG_FILE || c.from === CONFIG_FILE);
  const reading = { env: ctx.env, cache: options.cache, ...adoption.readOptions };
  // One reader of the base: the merge result reads what the base read already.
  const baseReader = subsetReader({ root, ref: baseCommit, ...reading });
  const readBase = baseReader.read;
  // First what the changed files' names ask of the base, then what the branch's records name.
  const wantedOfBase = (records: Parameters<typeof readsFor>[0]) =>
    readsFor(records, changedPaths(changes), policyReads(undefined).base);
  // With what the merge result's first round asks of the base by the same names: one read of
  // the base serves both (cli/read-selection.ts), as a read of more files finds the same.
  const firstBase = mergeSelections(
    wantedOfBase(NO_RECORDS),
    mergeSelections(
      readsFor(NO_RECORDS, changedPaths(changes), policyReads(undefined).head),
      readsFor(NO_RECORDS, touchedPaths(changes), declaredReads(undefined)),
    ),
  );
  let baseRepo = await readBase(firstBase);
  const branchRepo = await readHead(
    root,
    reading,
    { baseTip: baseReader, head: headCommit },
    changes,
    openPrs,
    ownConfig ? undefined : baseRepo.config,
  );
  const moreBase = wantedOfBase(branchRepo);
  if (!within(moreBase, firstBase)) baseRepo = await readBase(mergeSelections(firstBase, moreBase));
  const headRepo = ownConfig ? branchRepo : { ...branchRepo, config: baseRepo.config };

  // Commit authors always count for consent (an author added to an idea must have acted);
  // they are the actors too when nobody is named by --actor or the forge.
  const authors = readPathAuthors(dir, base, headCommit);
  const committersOf = (path: string) =>
    (authors.get(toTop(path)) ?? []).map((email) => personOfEmail(baseRepo.config, email));
  let actorsOf: (path: string) => Acting[] = committersOf;
  const people = new Set<string>();
  if (chosen.handle !== undefined) {
    const acting = { handle: chosen.handle, label: chosen.handle };
    actorsOf = () => [acting];
  } else {
    for (const emails of authors.values())
      for (const email of emails) people.add(personOfEmail(baseRepo.config, email).handle ?? email);
  }

  progress.phase('checking');
  const violations = adoption.judge(
    checkPolicy({
      changes,
      base: baseRepo,
      baseIdeaPaths,
      head: headRepo,
      actorsOf,
      consentOf: (path) => [...actorsOf(path), ...committersOf(path)],
      headPaths,
      today: ctx.today,
      ...(openPrs ? { openPrs } : {}),
    }),
  );
  const problems = [
    ...violations,
    ...withoutSuperseded(touchedProblems(headRepo, changes, ctx.today), violations),
  ];

  const shown = sortProblems(problems).map((p) => ({ ...p, file: toTop(p.file) }));
  const report: CheckReport = {
    base: baseRef,
    head: headCommit,
    mergeBase: base,
    actor: { handle: chosen.handle, source: chosen.source, people: [...people].sort() },
    changes: changes.map((c) => ({
      status: c.status,
      path: toTop(c.path),
      ...(c.from !== undefined ? { from: toTop(c.from) } : {}),
      kind: c.kind,
    })),
    problems: shown,
  };
  const summaryFile = summaryPath(options.summary, ctx.env);
  if (summaryFile !== undefined) {
    progress.phase('summarising');
    const summary = await summarize(ctx, root, reading, baseCommit, headCommit, changes);
    appendFileSync(resolvePath(ctx.cwd, summaryFile), formatCheckSummary(report, summary));
  }
  progress.done();
  const out = formatCheck(options.format, report, {
    color: ctx.color,
    summaryWritten: summaryFile !== undefined,
  });
  ctx.out(out);
  const code = problems.some((p) => p.severity === 'error') ? ExitCode.problemsFound : ExitCode.ok;
  answers?.put({ out, err: notice, code });
  return code;
};

/**
 * The result cache of `check`: its answer is a function of the two commits (what they hold, and
 * the history between them), the base as typed, the root's place, the actor, the day and how
 * it prints. Not kept when it reads more than the commits (the other open pull requests'
 * branches) or writes a summary, nor in the full-read reference runs.
 */
function checkAnswers(
  ctx: Context,
  dir: GitDir,
  options: CheckOptions,
  commits: unknown[],
): { get: () => Answer | undefined; put: (answer: Answer) => void } | undefined {
  const build = buildId();
  if (
    !build ||
    !cachingEnabled(dir, options.cache) ||
    options.openPrs ||
    options.summary !== undefined ||
    summaryPath(undefined, ctx.env) !== undefined ||
    ctx.env.IDEAS_FULL_READ === '1'
  )
    return undefined;
  const folder = cacheFolder(dir);
  if (!folder) return undefined;
  const results = new ResultCache(join(folder, 'results'), build);
  const key = keyOf(['check', ...commits, options.format, ctx.color, ctx.today]);
  const trace = cacheTrace(ctx);
  return {
    get: () => {
      const answer = results.get(key);
      trace?.(answer ? 'answered check from the result cache' : 'computed check');
      return answer;
    },
    put: (answer) => results.put(key, answer),
  };
}

/** `--summary FILE`, else the GitHub step summary when the runner gives one. */
function summaryPath(
  flag: string | undefined,
  env: Record<string, string | undefined>,
): string | undefined {
  if (flag !== undefined) {
    if (flag === '')
      throw new UsageError('--summary is empty', 'pass a file, e.g. --summary summary.md');
    return flag;
  }
  const fromRunner = env.GITHUB_STEP_SUMMARY;
  return fromRunner !== undefined && fromRunner !== '' ? fromRunner : undefined;
}

/** The standings before (the whole base tip) and after (the merge result, else the branch). */
async function summarize(
  ctx: Context,
  root: string,
  reading: Pick<ReadOptions, 'cache' | 'fallbackConfig'>,
  baseCommit: string,
  headCommit: string,
  changes: PathChange[],
) {
  // Standings are over every idea: the summary reads both sides whole.
  const merged = mergeResult(ctx.git(root), baseCommit, headCommit);
  const [{ repo: base }, { repo: after }] = await Promise.all([
    readRepository({ root, ref: baseCommit, ...reading, env: ctx.env }),
    readRepository({ root, ref: merged.commit ?? headCommit, ...reading, env: ctx.env }),
  ]);
  const merges = merged.commit !== undefined;
  return summarizeChanges({ changes, base, after, merges, today: ctx.today });
}

/** A git change as policy sees it; a rename across the root's edge is an addition or a deletion. */
function toPathChanges(
  change: DiffEntry,
  toRoot: (path: string) => string | undefined,
): PathChange[] {
  const path = toRoot(change.path);
  const from = change.from === undefined ? undefined : toRoot(change.from);
  const { newMode } = change;
  if (change.status === 'renamed') {
    if (path !== undefined && from !== undefined)
      return [
        {
          status: 'renamed',
          path,
          from,
          kind: classifyPath(path),
          fromKind: classifyPath(from),
          newMode,
        },
      ];
    if (path !== undefined) return [{ status: 'added', path, kind: classifyPath(path), newMode }];
    if (from !== undefined)
      return [{ status: 'deleted', path: from, kind: classifyPath(from), newMode: '000000' }];
    return [];
  }
  // A path whose old or new side is a link is judged by its new side.
  return path === undefined
    ? []
    : [{ status: change.status, path, kind: classifyPath(path), newMode }];
}

/** Validation of the head, kept to the files this branch touches: the rest is not its doing. */
function touchedProblems(head: Repository, changes: PathChange[], today: string) {
  return validateRepository(head, { today, only: new Set(touchedPaths(changes)) });
}

function touchedPaths(changes: readonly PathChange[]): string[] {
  return changes.filter((c) => c.status !== 'deleted').map((c) => c.path);
}

/** Every path a change names, on either side. */
function changedPaths(changes: readonly PathChange[]): string[] {
  return [...new Set(changes.flatMap((c) => (c.from === undefined ? [c.path] : [c.path, c.from])))];
}

/**
 * The head as validation of the touched files and the policy need it: read in rounds, each
 * reading what the last found it needs (validate/affected.ts readToJudge).
 */
async function readHead(
  root: string,
  reading: Pick<ReadOptions, 'env' | 'cache'>,
  { baseTip, head }: { baseTip: ReturnType<typeof subsetReader>; head: string },
  changes: readonly PathChange[],
  openPrs: Awaited<ReturnType<typeof readOpenPrs>> | undefined,
  config: Repository['config'] | undefined,
): Promise<Repository> {
  const paths = changedPaths(changes);
  // The branch's own files once, then the base tip around them in rounds: the merge result. A
  // branch tip alone would judge a vote for an idea the base removed since as fine.
  const changed = new Set(paths);
  const headOptions = {
    root,
    ref: head,
    ...reading,
    ...(config ? { fallbackConfig: config } : {}),
  };
  const onlyChanged = emptySelection();
  for (const path of paths) onlyChanged.paths.add(path);
  const branch = await readRepository({ ...headOptions, ...selectionOptions(onlyChanged) });
  const read = async (selection: Selection | undefined) =>
    mergedInto(await baseTip.readTree(selection), branch, changed, headOptions).repo;
  const judge = (repo: Parameters<typeof readsFor>[0] & { config?: Repository['config'] }) => {
    const selection = readsFor(repo, paths, policyReads(config ?? repo.config).head);
    // Whether each idea another branch votes on is open decides what those votes cost.
    for (const { vote } of openPrs?.votes ?? []) {
      selection.ideas.add(vote.idea);
      selection.decisionsOn.add(vote.idea);
    }
    return selection;
  };
  return readToJudge(read, touchedPaths(changes), judge, config);
}

/** Before anything is read: the changed files' names are all there is to go by. */
const NO_RECORDS = { ideas: [], votes: [], decisions: [], ideasById: new Map() };

/**
 * An empty diff between trees that differ is a git that lies (a wrapper, a broken object
 * store): nothing would be checked, so it must not pass.
 */
function assertSameTree(dir: GitDir, from: string, to: string): void {
  const tree = (commit: string) =>
    gitOutput(dir, ['rev-parse', '--end-of-options', `${commit}^{tree}`]).trim();
  if (tree(from) !== tree(to))
    throw new GitError(
      `git diff found no change between ${from.slice(0, 12)} and ${to.slice(0, 12)}, yet their trees differ`,
      'the git on PATH or the repository is not to be trusted: check both, then run ideas check again',
    );
}

/**
 * The paths of a commit that could differ only in case from a touched one, listed folder by
 * folder where a touched path leads: what case checks need, without listing the whole tree.
 */
async function caseCandidates(
  dir: GitDir,
  commit: string,
  touched: readonly string[],
): Promise<string[]> {
  const wanted = new Set(touched.flatMap((path) => prefixesOf(path).map(foldName)));
  const found: string[] = [];
  // Folders by object id, never by path: a crafted tree may hold a folder named "..", which a
  // pathspec would resolve elsewhere. Trees nest finitely, so this ends.
  const queue = [{ prefix: '', tree: commit }];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const listing = await gitOutputAsync(dir, ['ls-tree', '-z', '--end-of-options', next.tree]);
    for (const entry of listing.split('\0')) {
      const tab = entry.indexOf('\t');
      if (tab < 0) continue;
      const path = `${next.prefix}${entry.slice(tab + 1)}`;
      if (!wanted.has(foldName(path))) continue;
      found.push(path);
      const [, type, id] = entry.slice(0, tab).split(' ');
      if (type === 'tree' && id) queue.push({ prefix: `${path}/`, tree: id });
    }
  }
  return found;
}

/** Idea ids by file name (the name starts with the id), first path of each. */
function ideaPathsById(paths: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const path of paths) {
    if (!path.startsWith('ideas/')) continue;
    const placed = placeFile(path);
    if (placed.kind === 'idea' && placed.id && !found.has(placed.id)) found.set(placed.id, path);
  }
  return found;
}

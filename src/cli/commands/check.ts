/** `ideas check --base REF`: the pull-request policy of SPEC §6 over HEAD's changes since it left REF. */
import { ExitCode, UsageError } from '../../errors.js';
import { formatCheck, type CheckReport } from '../../format/check.js';
import { resolveCommit } from '../../git/git-process.js';
import {
  assertFullHistory,
  isAncestor,
  mergeBase,
  readChanges,
  readPathAuthors,
  readTree,
  remoteBranches,
  resolveBase,
  type DiffEntry,
} from '../../git/diff.js';
import { requireRootPrefix } from '../../git/locate.js';
import { CONFIG_FILE } from '../../parse/config.js';
import { locateField } from '../../parse/front-matter.js';
import { placeFile } from '../../parse/layout.js';
import { HANDLE_PATTERN } from '../../schema/common.js';
import { chooseActor, personOfEmail } from '../../policy/actor.js';
import { classifyPath, isCiFile } from '../../policy/paths.js';
import {
  checkOpenPrIds,
  checkPolicy,
  type Acting,
  type BranchIdea,
  type PathChange,
} from '../../policy/policy.js';
import { readRepository } from '../../read/repository.js';
import type { Repository } from '../../model/repository.js';
import type { GitDir } from '../../git/git-process.js';
import { sortProblems, validateRepository } from '../../validate/validate.js';
import { startProgress } from '../progress.js';
import { rootOf } from '../repository.js';
import type { CommandHandler } from '../spec.js';
import type { Context } from '../context.js';
import type { FORMAT_CHOICES } from '../spec.js';

export interface CheckOptions {
  root: string | undefined;
  base: string;
  head: string;
  /** As typed: `""` is refused by the command, not taken for "absent". */
  actor: string | undefined;
  openPrs: boolean;
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
  const base = mergeBase(dir, baseCommit, headCommit);
  const toRoot = (path: string): string | undefined =>
    prefix === ''
      ? path
      : path.startsWith(`${prefix}/`)
        ? path.slice(prefix.length + 1)
        : isCiFile(path)
          ? path
          : undefined;
  const toTop = (path: string): string =>
    prefix === '' || isCiFile(path) ? path : `${prefix}/${path}`;

  const changes = readChanges(dir, base, headCommit).flatMap((change) =>
    toPathChanges(change, toRoot),
  );

  progress.phase('reading both sides');
  // The diff is taken from the merge base, but authority (reviewers, people, quorum, lifecycle,
  // ids, authors, statuses) from the tip of the base branch: a branch started from an old commit
  // must not revive an old reviewer list.
  const headTree = readTree(dir, headCommit);
  const baseTree = readTree(dir, baseCommit);
  const headPaths = headTree.flatMap((e) => toRoot(e.path) ?? []);
  const baseIdeaPaths = ideaPathsById(baseTree.flatMap((e) => toRoot(e.path) ?? []));
  const [baseRepo, { repo: branchRepo }] = await Promise.all([
    readBaseRepository(root, ctx.env, baseCommit, changes),
    readRepository({ root, ref: headCommit, env: ctx.env }),
  ]);
  // The branch's files are validated with the settings they will merge into: the tip's config,
  // unless the branch itself changes it (which needs a reviewer).
  const headRepo = changes.some((c) => c.path === CONFIG_FILE || c.from === CONFIG_FILE)
    ? branchRepo
    : { ...branchRepo, config: baseRepo.config };

  let actorsOf: (path: string) => Acting[];
  const people = new Set<string>();
  if (chosen.handle !== undefined) {
    const acting = { handle: chosen.handle, label: chosen.handle };
    actorsOf = () => [acting];
  } else {
    const authors = readPathAuthors(dir, base, headCommit);
    actorsOf = (path) =>
      (authors.get(toTop(path)) ?? []).map((email) => personOfEmail(baseRepo.config, email));
    for (const emails of authors.values())
      for (const email of emails) people.add(personOfEmail(baseRepo.config, email).handle ?? email);
  }

  progress.phase('checking');
  const problems = [
    ...checkPolicy({
      changes,
      base: baseRepo,
      baseIdeaPaths,
      head: headRepo,
      actorsOf,
      headPaths,
    }),
    ...touchedProblems(headRepo, changes, ctx.today),
  ];
  if (options.openPrs) {
    const others = ideasOnOtherBranches(dir, baseCommit, headCommit, baseRef, toRoot);
    const added = changes
      .filter((c) => c.kind === 'idea' && (c.status === 'added' || c.status === 'renamed'))
      .flatMap((c) => {
        const idea = headRepo.files.get(c.path);
        const id = placeFile(c.path);
        if (id.kind !== 'idea' || !id.id) return [];
        const at = idea ? locateField(idea.frontMatter, ['id']) : { line: 1, column: 1 };
        return [{ id: id.id, path: c.path, ...at }];
      })
      .filter((idea) => !baseIdeaPaths.has(idea.id));
    problems.push(...checkOpenPrIds(added, others));
  }
  progress.done();

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
  ctx.out(formatCheck(options.format, report, { color: ctx.color }));
  return problems.some((p) => p.severity === 'error') ? ExitCode.problemsFound : ExitCode.ok;
};

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
function touchedProblems(
  head: Awaited<ReturnType<typeof readRepository>>['repo'],
  changes: PathChange[],
  today: string,
) {
  const touched = new Set(changes.filter((c) => c.status !== 'deleted').map((c) => c.path));
  return validateRepository(head, { today, only: touched });
}

/** Ideas that other unmerged remote branches add, by id read from their file names. */
function ideasOnOtherBranches(
  dir: GitDir,
  baseCommit: string,
  headCommit: string,
  baseRef: string,
  toRoot: (path: string) => string | undefined,
): BranchIdea[] {
  const found: BranchIdea[] = [];
  for (const branch of remoteBranches(dir)) {
    if (branch.name === baseRef || branch.commit === headCommit) continue;
    // Merged branches are in the base already; branches under this one share its files.
    if (isAncestor(dir, branch.commit, baseCommit) || isAncestor(dir, branch.commit, headCommit))
      continue;
    const from = mergeBase(dir, baseCommit, branch.commit);
    for (const change of readChanges(dir, from, branch.commit)) {
      if (change.status !== 'added' && change.status !== 'renamed') continue;
      const path = toRoot(change.path);
      const placed = path === undefined ? undefined : placeFile(path);
      if (path !== undefined && placed?.kind === 'idea' && placed.id)
        found.push({ branch: branch.name, path, id: placed.id });
    }
  }
  return found;
}

/**
 * The base as policy needs it, without reading every record twice: the config, the base side of
 * each changed file, and the ideas and decisions of every idea a change touches.
 */
async function readBaseRepository(
  root: string,
  env: Context['env'],
  base: string,
  changes: PathChange[],
): Promise<Repository> {
  const paths = new Set<string>();
  const ids = new Set<string>();
  for (const change of changes) {
    for (const path of [change.path, change.from]) {
      if (path === undefined) continue;
      paths.add(path);
      const placed = placeFile(path);
      if ('id' in placed && placed.id) ids.add(placed.id);
    }
  }
  const { repo } = await readRepository({
    root,
    ref: base,
    env,
    select: (path) => {
      if (paths.has(path)) return true;
      const placed = placeFile(path);
      return (
        (placed.kind === 'idea' || placed.kind === 'decision') &&
        placed.id !== undefined &&
        ids.has(placed.id)
      );
    },
  });
  return repo;
}

/** Idea ids by file name (the name starts with the id), first path of each. */
function ideaPathsById(paths: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const path of paths) {
    const placed = placeFile(path);
    if (placed.kind === 'idea' && placed.id && !found.has(placed.id)) found.set(placed.id, path);
  }
  return found;
}

/**
 * The edge where a repository is read: working tree or git ref in, a complete Repository out.
 * `readRepository` is the one door: it reads, parses the config (its warnings travel with the
 * other problems, rule config/invalid), and builds. Nothing else assembles a repository.
 */
import { CONFIG_FILE, TEMPLATE_PATH } from '../model/layout.js';
import { parseConfig } from '../parse/config.js';
import type { Repository } from '../model/repository.js';
import type { FileChange, Problem, SourceFile } from '../model/types.js';
import type { Config } from '../schema/config.js';
import { ConfigError } from '../errors.js';
import { gitAt, type Env, type GitDir } from '../git/git-process.js';
import { buildRepository } from './build-repository.js';
import { readGitRef } from './git-ref.js';
import { readWorkingTreeViaGit } from './git-index.js';
import type { IndexScan } from './index-scan.js';
import { openParseCache, type ParseCache } from './parse-cache.js';
import { readPackageFile } from './package-files.js';
import { readWorkingTree, type RawTree } from './working-tree.js';

export interface ReadOptions {
  root: string;
  /** Read the committed state at this ref instead of the working tree. */
  ref?: string | undefined;
  /** The environment git runs with and the parse cache reads (`IDEAS_NO_CACHE`). */
  env: Env;
  /**
   * Only the record paths this accepts (config and template are always read): for `check`,
   * `validate --changed-since` and the writers, which need a few files, not all of them. The
   * names of the others still count as idea ids.
   */
  select?: ((path: string) => boolean) | undefined;
  /** Literal git pathspecs holding every path `select` accepts: git lists there alone, at a ref. */
  scope?: readonly string[] | undefined;
  /** The config to use when the tree has none (a branch from before `ideas init`). */
  fallbackConfig?: Config;
  /** False (`--no-cache`) reads and parses every file afresh, as `IDEAS_NO_CACHE=1` does. */
  cache?: boolean | undefined;
  /**
   * What git already said about the working tree in this command (a selection's earlier
   * rounds): only pathspecs it has not listed are asked about. Never shared across a write.
   */
  scan?: IndexScan | undefined;
}

/** A repository and the tree it was built from, for commands that change files and check again. */
export interface ReadRepository {
  repo: Repository;
  tree: RawTree;
  /** The config's own warnings, kept apart to rebuild the repository with changes. */
  configWarnings: Problem[];
}

export async function readRepository(options: ReadOptions): Promise<ReadRepository> {
  return fromTree(await readTree(options), options);
}

function fromTree(tree: RawTree, options: ReadOptions): ReadRepository {
  const { config, warnings } =
    tree.configText === undefined && options.fallbackConfig !== undefined
      ? { config: options.fallbackConfig, warnings: [] }
      : configOf(tree, options.ref);
  return { repo: assemble(tree, config, warnings), tree, configWarnings: warnings };
}

/**
 * The repository as it would be once `changes` are made: the check before writing. Same
 * config, same reader's problems; only the changed files differ.
 */
export function withChanges(read: ReadRepository, changes: readonly FileChange[]): ReadRepository {
  const files = new Map<string, SourceFile>(read.tree.files.map((f) => [f.path, f]));
  for (const change of changes) {
    if (change.text === null) files.delete(change.path);
    else files.set(change.path, { path: change.path, text: change.text });
  }
  const tree: RawTree = { ...read.tree, files: [...files.values()] };
  return { ...read, tree, repo: assemble(tree, read.repo.config, read.configWarnings) };
}

/**
 * The repository a merge would make: `base` with the files at `paths` as `branch` has them
 * (absent there: removed). `check` judges a pull request's files in it, so an idea removed,
 * a vote cast or a decision taken on the base since the branch started counts as it will
 * once merged. Both must be read with the same selection of `paths`' neighbours.
 */
export function mergedInto(
  base: ReadRepository,
  branch: ReadRepository,
  paths: ReadonlySet<string>,
  options: ReadOptions,
): ReadRepository {
  const side = (path: string) => (paths.has(path) ? branch.tree : base.tree);
  const fromBase = <T>(items: readonly T[], pathOf: (item: T) => string) =>
    items.filter((item) => !paths.has(pathOf(item)));
  const fromBranch = <T>(items: readonly T[], pathOf: (item: T) => string) =>
    items.filter((item) => paths.has(pathOf(item)));
  const tree: RawTree = {
    files: [
      ...fromBase(base.tree.files, (f) => f.path),
      ...fromBranch(branch.tree.files, (f) => f.path),
    ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    problems: [
      ...fromBase(base.tree.problems, (p) => p.file),
      ...fromBranch(branch.tree.problems, (p) => p.file),
    ],
    configText: side(CONFIG_FILE).configText,
    templateText: side(TEMPLATE_PATH).templateText,
  };
  if (base.tree.unread)
    tree.unread = [
      ...fromBase(base.tree.unread, (p) => p),
      ...fromBranch(branch.tree.unread ?? [], (p) => p),
    ];
  return fromTree(tree, options);
}

function assemble(tree: RawTree, config: Config, warnings: readonly Problem[]): Repository {
  return buildRepository(
    {
      files: tree.files,
      problems: [...tree.problems, ...warnings],
      configText: tree.configText,
      templateText: tree.templateText ?? builtInTemplate(),
      ...(tree.unread ? { unread: tree.unread } : {}),
    },
    config,
  );
}

async function readTree(options: ReadOptions): Promise<RawTree> {
  const { root, ref, env, select, scope } = options;
  const dir: GitDir = gitAt(root, env);
  // Opened by the reader once its git processes run: loading the cache overlaps their work.
  let cache: ParseCache | undefined;
  let opened = false;
  const openCache = () => {
    if (!opened) cache = openParseCache(dir, options.cache, select === undefined);
    opened = true;
    return cache;
  };
  // Through git when the root is in a work tree (fast); by walking the folders otherwise.
  const raw =
    ref !== undefined
      ? await readGitRef(dir, ref, openCache, select, scope)
      : ((await readWorkingTreeViaGit(dir, openCache, select && { select, scope }, options.scan)) ??
        selectFrom(readWorkingTree(root), select));
  cache?.save();
  return raw;
}

/** The working tree is read whole, then cut to the selection: the same answer, not yet less work. */
function selectFrom(tree: RawTree, select: ReadOptions['select']): RawTree {
  if (!select) return tree;
  const files = tree.files.filter((f) => select(f.path));
  const unread = tree.files.filter((f) => !select(f.path)).map((f) => f.path);
  return { ...tree, files, problems: tree.problems.filter((p) => select(p.file)), unread };
}

export function builtInTemplate(): string {
  return readPackageFile(TEMPLATE_PATH);
}

/** The config of a raw tree, or a ConfigError that says where it is wrong (exit 2). */
function configOf(raw: RawTree, ref?: string): { config: Config; warnings: Problem[] } {
  if (raw.configText === undefined) {
    // A refused config (a link, a binary, too large) says why; an absent one says where.
    const refused = raw.problems.filter((p) => p.file === CONFIG_FILE);
    if (refused.length > 0) throw new ConfigError(`${CONFIG_FILE} cannot be read`, refused);
    throw new ConfigError(
      ref === undefined ? `${CONFIG_FILE} cannot be read` : `there is no ${CONFIG_FILE} at ${ref}`,
    );
  }
  const { config, problems } = parsedConfig(raw.configText);
  if (!config)
    throw new ConfigError(`${CONFIG_FILE} is not valid: fix the settings below`, problems);
  return { config, warnings: problems };
}

/**
 * The config's text parsed, kept for the next read of the same text: a command that reads in
 * rounds (a writer's config read, then its focus) parsed the config in each, through the full
 * YAML engine (a fifth of `vote`'s CPU).
 */
let lastConfig: { text: string; result: ReturnType<typeof parseConfig> } | undefined;
function parsedConfig(text: string): ReturnType<typeof parseConfig> {
  if (lastConfig?.text !== text) lastConfig = { text, result: parseConfig(text) };
  return lastConfig.result;
}

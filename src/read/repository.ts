/** The edge where a repository is read: working tree or git ref in, a Repository value out. */
import { parseConfig, CONFIG_FILE } from '../parse/config.js';
import { TEMPLATE_PATH } from '../parse/layout.js';
import { buildRepository, type Repository, type Snapshot } from '../model/repository.js';
import type { Config } from '../schema/config.js';
import { ConfigError } from '../errors.js';
import { readGitRef } from './git-ref.js';
import { readWorkingTreeViaGit } from './git-index.js';
import { openParseCache, type ParseCache } from './parse-cache.js';
import { readPackageFile } from './package-files.js';
import { readWorkingTree, type RawTree } from './working-tree.js';

export interface ReadOptions {
  root: string;
  /** Read the committed state at this ref instead of the working tree. */
  ref?: string | undefined;
}

export async function readRaw({ root, ref }: ReadOptions): Promise<RawTree> {
  // Opened by the reader once its git processes run: loading the cache overlaps their work.
  let cache: ParseCache | undefined;
  let opened = false;
  const openCache = () => {
    if (!opened) cache = openParseCache(root);
    opened = true;
    return cache;
  };
  // Through git when the root is in a work tree (fast); by walking the folders otherwise.
  const raw =
    ref !== undefined
      ? await readGitRef(root, ref, openCache)
      : ((await readWorkingTreeViaGit(root, openCache)) ?? readWorkingTree(root));
  cache?.save();
  return raw;
}

export function builtInTemplate(): string {
  return readPackageFile(TEMPLATE_PATH);
}

/** The config of a raw tree, or a ConfigError that says where it is wrong (exit 2). */
export function configOf(
  raw: RawTree,
  ref?: string,
): { config: Config; warnings: ReturnType<typeof parseConfig>['problems'] } {
  if (raw.configText === undefined) {
    // A refused config (a link, a binary, too large) says why; an absent one says where.
    const refused = raw.problems.filter((p) => p.file === CONFIG_FILE);
    if (refused.length > 0) throw new ConfigError(`${CONFIG_FILE} cannot be read`, refused);
    throw new ConfigError(
      ref === undefined ? `${CONFIG_FILE} cannot be read` : `there is no ${CONFIG_FILE} at ${ref}`,
    );
  }
  const { config, problems } = parseConfig(raw.configText);
  if (!config)
    throw new ConfigError(`${CONFIG_FILE} is not valid: fix the settings below`, problems);
  return { config, warnings: problems };
}

export function toSnapshot(raw: RawTree): Snapshot {
  return {
    files: raw.files,
    problems: raw.problems,
    configText: raw.configText,
    templateText: raw.templateText ?? builtInTemplate(),
  };
}

export async function readRepository(options: ReadOptions): Promise<{ repo: Repository }> {
  const raw = await readRaw(options);
  const { config, warnings } = configOf(raw, options.ref);
  // Config warnings (unknown settings) travel with the other problems: rule config/invalid.
  const snapshot = toSnapshot(raw);
  snapshot.problems = [...snapshot.problems, ...warnings];
  return { repo: buildRepository(snapshot, config) };
}

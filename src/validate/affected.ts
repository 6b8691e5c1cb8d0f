/**
 * Which files a change can make wrong, for `validate --changed-since`, and how little must be
 * read to say so: derived from what each rule declares it reads (rule.ts `reads`, reach.ts),
 * never from a list kept by hand.
 */
import { CONFIG_FILE, TEMPLATE_PATH } from '../model/layout.js';
import type { Repository } from '../model/repository.js';
import type { Config } from '../schema/config.js';
import { rules } from './registry.js';
import {
  emptySelection,
  mergeSelections,
  reachedBy,
  readsFor,
  within,
  type Reads,
  type Records,
  type Selection,
} from './reach.js';

/** What every validation rule reads, under this config. */
export function declaredReads(config: Config | undefined): Reads[] {
  // Before the config is read, a guess: the next round reads what the config adds.
  return rules.map((rule) =>
    typeof rule.reads !== 'function' ? rule.reads : config ? rule.reads(config) : {},
  );
}

type Known = Records & Pick<Repository, 'files' | 'problems'> & { config?: Config };

/** Before anything is read: what the changed files' names alone ask for. */
const NOTHING_READ: Known = {
  ideas: [],
  votes: [],
  decisions: [],
  ideasById: new Map(),
  files: new Map(),
  problems: [],
};

/** Whether a change reaches every record: the config or the template changed. */
export function changesEverything(changed: readonly string[]): boolean {
  return changed.includes(CONFIG_FILE) || changed.includes(TEMPLATE_PATH);
}

/** The files to report on; undefined when the config or template changed and everything is affected. */
export function affectedFiles(repo: Known, changed: readonly string[]): Set<string> | undefined {
  if (changesEverything(changed)) return undefined;
  const { found } = reachedBy(repo, changed, declaredReads(repo.config));
  // Deleted files led to what they affect; only files still there are checked and counted.
  const present = new Set([...repo.files.keys(), ...repo.problems.map((p) => p.file)]);
  return new Set([...found].filter((path) => present.has(path)));
}

/** Reads a subset of a repository: the files a selection accepts, all of them when it is undefined. */
export type ReadSubset = (selection: Selection | undefined) => Promise<Repository>;

/**
 * The repository as far as `validate --changed-since` needs it, and the affected files: read
 * in rounds, each round reading what the last one found it needs (a vote's voter's other
 * votes, a parent's parent), until nothing more is asked for.
 */
export async function readAffected(
  read: ReadSubset,
  changed: readonly string[],
): Promise<{ repo: Repository; affected: Set<string> | undefined }> {
  if (changesEverything(changed)) return { repo: await read(undefined), affected: undefined };
  return closeOver(read, (repo) => {
    const affected = affectedFiles(repo, changed) ?? new Set<string>();
    const reverse = reachedBy(repo, changed, declaredReads(repo.config)).selection;
    // Before anything is read the changed files stand for what they affect: what judging them
    // reads (a vote's decisions) comes in the first round, not in a second listing.
    const judged = isRead(repo) ? affected : changed;
    return {
      need: mergeSelections(reverse, readsFor(repo, judged, declaredReads(repo.config))),
      affected,
    };
  });
}

/**
 * The repository as far as judging the records at `paths` by every validation rule needs it,
 * under `config` (the repository's own when absent).
 */
export async function readToJudge(
  read: ReadSubset,
  paths: readonly string[],
  extra: (repo: Known) => Selection = emptySelection,
  config?: Config,
): Promise<Repository> {
  const { repo } = await closeOver(read, (repo) => ({
    need: mergeSelections(readsFor(repo, paths, declaredReads(config ?? repo.config)), extra(repo)),
    affected: undefined,
  }));
  return repo;
}

async function closeOver<T>(
  read: ReadSubset,
  needOf: (repo: Known) => { need: Selection; affected: T },
): Promise<{ repo: Repository; affected: T }> {
  let selection = needOf(NOTHING_READ).need;
  // Each round reads more or stops; a selection only grows, and the repository is finite.
  for (;;) {
    const repo = await read(selection);
    const { need, affected } = needOf(repo);
    if (within(need, selection)) return { repo, affected };
    selection = mergeSelections(selection, need);
  }
}

/** Whether a round has read anything yet (the first asks by names alone). */
export function isRead(repo: Known): repo is Repository {
  return 'template' in repo;
}

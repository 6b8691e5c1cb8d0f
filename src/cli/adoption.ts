/**
 * `check` on the pull request that adopts ideas: the base has no ideas.config.yaml and the
 * branch adds one. Authority always comes from the base, and this base grants none: it is
 * judged as the built-in defaults, with no reviewers and no people. So the branch's config
 * cannot choose how it is judged (a decision it signs still fails, as nobody is a reviewer),
 * while its files are validated with the config they bring, as `validate` will after the merge.
 * The setup files `ideas init` writes need a reviewer, which nobody can be yet: they are left to
 * the forge's own review of the pull request, and check says so.
 */
import { CONFIG_FILE } from '../model/layout.js';
import { parseConfig } from '../parse/config.js';
import { sanitizeLine } from '../format/sanitize.js';
import { toGitPath } from '../git/locate.js';
import { gitOutput, type GitDir } from '../git/git-process.js';
import type { PathChange, Violation } from '../policy/types.js';
import type { Config } from '../schema/config.js';

export interface Adoption {
  /** Read the base with these: the defaults stand in for the config it does not have. */
  readOptions: { fallbackConfig?: Config };
  /** The policy's findings, less "a reviewer must approve" on the setup files. */
  judge: (violations: readonly Violation[]) => Violation[];
  /** What check tells the user on stderr, or undefined when this is no adoption. */
  notice: string | undefined;
}

const NOT_ADOPTING: Adoption = { readOptions: {}, judge: (v) => [...v], notice: undefined };

/** Setup files the notice names: what `ideas init` writes, and a count of any more. */
const NAMED_SETUP = 12;

export async function adoptionOf(
  dir: GitDir,
  prefix: string,
  base: { ref: string; commit: string },
  changes: readonly PathChange[],
): Promise<Adoption> {
  const addsConfig = changes.some((c) => c.path === CONFIG_FILE && c.status !== 'deleted');
  if (!addsConfig) return NOT_ADOPTING;
  const listed = gitOutput(dir, [
    'ls-tree',
    '--full-tree',
    '--name-only',
    base.commit,
    '--',
    toGitPath(prefix, CONFIG_FILE),
  ]);
  if (listed.trim() !== '') return NOT_ADOPTING;
  const { config } = parseConfig('version: 1\n');
  if (!config) throw new Error('the built-in default config does not parse');
  // Loaded only here: every other check starts without init's module.
  const scaffold = (await import('./commands/init.js')).scaffoldPaths();
  const isSetup = (path: string) => scaffold.has(path) || path.startsWith('templates/');
  const setup = changes.filter((c) => c.status !== 'deleted' && isSetup(c.path));
  return {
    readOptions: { fallbackConfig: config },
    judge: (violations) =>
      violations.filter((v) => !(v.rule === 'policy/reviewer-only' && isSetup(v.file))),
    notice:
      `${base.ref} has no ${CONFIG_FILE}: this pull request adopts ideas. Its files are checked ` +
      `with the config it adds, but authority comes from ${base.ref}, which names no reviewers ` +
      `or people yet, so no decision can pass here. The setup files ` +
      `(${namedPaths(setup.map((c) => c.path))}) are for the forge's own review to approve.\n`,
  };
}

/** The pull request's own names, each made one harmless line of text, the first few of them. */
function namedPaths(paths: readonly string[]): string {
  const named = paths.slice(0, NAMED_SETUP).map(sanitizeLine).join(', ');
  const more = paths.length - NAMED_SETUP;
  return more > 0 ? `${named} and ${more} more` : named;
}

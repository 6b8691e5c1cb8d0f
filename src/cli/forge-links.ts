/**
 * Links from documents a browser opens (Markdown, HTML) to the repository's files on its forge:
 * from the default branch's remote URL, GitHub or GitLab, https or ssh. No link when unknown.
 */
import { remoteUrl } from '../git/authoring.js';
import { forgeLinks, type ForgeLinks } from '../git/forge-url.js';
import type { GitDir } from '../git/git-process.js';
import { findDefaultBranch, findRootPrefix, toGitPath } from '../git/locate.js';

export function forgeLinksOf(dir: GitDir): ForgeLinks | undefined {
  const base = findDefaultBranch(dir);
  if (!base?.remote) return undefined;
  const links = forgeLinks(remoteUrl(dir, base.remote), base.name);
  const prefix = findRootPrefix(dir);
  if (!links || prefix === undefined) return undefined;
  // Paths are the ideas root's; the forge shows them from the top of the git repository.
  return { file: (path) => links.file(toGitPath(prefix, path)), revision: links.revision };
}

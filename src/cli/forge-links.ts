/**
 * Links from documents a browser opens (Markdown, HTML) to the repository's files on its forge:
 * from the default branch's remote URL, GitHub or GitLab, https or ssh. No link when unknown.
 * A document of the repository as it stood at a commit (`--at`, `--ref`, `--until`) links to
 * the files at that commit, never to the default branch's tip, where they may differ or be gone.
 */
import { remoteUrl } from '../git/authoring.js';
import { forgeLinks, type ForgeLinks } from '../git/forge-url.js';
import { resolveCommit, type GitDir } from '../git/git-process.js';
import { findDefaultBranch, findRootPrefix, toGitPath } from '../git/locate.js';

/** `read`: the ref or commit the document was made from; undefined for the working tree. */
export function forgeLinksOf(dir: GitDir, read?: string): ForgeLinks | undefined {
  const base = findDefaultBranch(dir);
  if (!base?.remote) return undefined;
  const at = read === undefined ? base.name : resolveCommit(dir, read);
  const links = forgeLinks(remoteUrl(dir, base.remote), at);
  const prefix = findRootPrefix(dir);
  if (!links || prefix === undefined) return undefined;
  // Paths are the ideas root's; the forge shows them from the top of the git repository.
  return { file: (path) => links.file(toGitPath(prefix, path)), revision: links.revision };
}

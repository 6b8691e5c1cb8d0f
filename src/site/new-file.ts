/**
 * The forge's web editor with a new file filled in: committing it there proposes a pull
 * request, as `ideas vote --branch` would. Pure, and bundled into the site's browser script.
 *
 * GitHub: `/OWNER/REPO/new/BRANCH/DIR?filename=NAME&value=TEXT` (the folder goes in the path:
 * a `filename` holding slashes is read unevenly). Someone without write access gets a fork
 * and a pull request from it. GitLab: `/GROUP/PROJECT/-/new/BRANCH/DIR?file_name=NAME&content=TEXT`;
 * GitLab has changed how it reads prefilled content across versions, so the site always shows
 * the file as text to copy as well, and only the text when the URL would be too long.
 */

export type ForgeKind = 'github' | 'gitlab';

/** What the site knows of where the repository lives: from the remote, or `--forge-url`. */
export interface SiteForge {
  forge: ForgeKind;
  host: string;
  /** `owner/name`, or `group/subgroup/name` on GitLab. */
  path: string;
  /** The branch pull requests go into. */
  branch: string;
  /** The ideas root inside the git repository: `""` or `sub/dir/`. */
  prefix: string;
}

/** Above this, browsers and forges start to refuse or cut a URL: show the text instead. */
export const MAX_EDITOR_URL = 8000;

export interface NewFileLink {
  /** The forge editor, prefilled; undefined when the URL would be too long. */
  url: string | undefined;
  /** The path to type into the editor when copying by hand, from the top of the git repository. */
  path: string;
  /** The forge page to create a file in that folder, without any prefill. */
  folderUrl: string;
}

export function newFileLink(forge: SiteForge, rootPath: string, content: string): NewFileLink {
  const path = `${forge.prefix}${rootPath}`;
  const slash = path.lastIndexOf('/');
  const folder = slash < 0 ? '' : path.slice(0, slash);
  const name = path.slice(slash + 1);
  const origin = `https://${forge.host}/${forge.path.split('/').map(encodeURIComponent).join('/')}`;
  const tail = [forge.branch, ...(folder === '' ? [] : folder.split('/'))]
    .map(encodeURIComponent)
    .join('/');
  const folderUrl = forge.forge === 'github' ? `${origin}/new/${tail}` : `${origin}/-/new/${tail}`;
  const query =
    forge.forge === 'github'
      ? `filename=${encodeURIComponent(name)}&value=${encodeURIComponent(content)}`
      : `file_name=${encodeURIComponent(name)}&content=${encodeURIComponent(content)}`;
  const url = `${folderUrl}?${query}`;
  return { url: url.length > MAX_EDITOR_URL ? undefined : url, path, folderUrl };
}

/** The forge page that edits an existing file (a vote already cast): no prefill on either forge. */
export function editFileUrl(forge: SiteForge, rootPath: string): string {
  const origin = `https://${forge.host}/${forge.path.split('/').map(encodeURIComponent).join('/')}`;
  const tail = [forge.branch, ...`${forge.prefix}${rootPath}`.split('/')]
    .map(encodeURIComponent)
    .join('/');
  return forge.forge === 'github' ? `${origin}/edit/${tail}` : `${origin}/-/edit/${tail}`;
}

export function forgeName(forge: ForgeKind): string {
  return forge === 'github' ? 'GitHub' : 'GitLab';
}

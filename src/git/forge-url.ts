/**
 * Where to open a pull request for a pushed branch, from the remote's URL alone (pure: no git).
 * GitHub and GitLab, in their https and ssh forms; any other forge gets no URL.
 */

export type Forge = 'github' | 'gitlab';

export interface RemoteRepository {
  forge: Forge;
  host: string;
  /** `owner/name`, or `group/subgroup/name` on GitLab. */
  path: string;
}

/** Reads `https://host/o/r(.git)`, `ssh://git@host(:port)/o/r.git` and `git@host:o/r.git`. */
export function parseRemoteUrl(url: string): RemoteRepository | undefined {
  const trimmed = url.trim();
  let host: string;
  let path: string;
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(trimmed);
  if (/^[a-z+]+:\/\//i.test(trimmed)) {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git+ssh:'].includes(parsed.protocol)) return undefined;
    host = parsed.hostname;
    path = decodeURIComponent(parsed.pathname);
  } else if (scp) {
    host = scp[1] ?? '';
    path = scp[2] ?? '';
  } else {
    return undefined;
  }
  path = path.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
  if (path.split('/').length < 2 || !/^[\w.\-/]+$/.test(path)) return undefined;
  const forge: Forge | undefined = /(^|\.)github\b/i.test(host)
    ? 'github'
    : /(^|\.)gitlab\b/i.test(host)
      ? 'gitlab'
      : undefined;
  if (!forge) return undefined;
  return { forge, host: host.toLowerCase(), path };
}

/** The page that opens a pull (merge) request from `branch` into `base`. */
export function pullRequestUrl(remote: RemoteRepository, branch: string, base: string): string {
  const origin = `https://${remote.host}/${remote.path}`;
  if (remote.forge === 'github') {
    return `${origin}/compare/${encodeRef(base)}...${encodeRef(branch)}?expand=1`;
  }
  const query = new URLSearchParams({
    'merge_request[source_branch]': branch,
    'merge_request[target_branch]': base,
  });
  return `${origin}/-/merge_requests/new?${query.toString()}`;
}

/** Slashes stay: GitHub reads `compare/main...idea/x` with the branch's own slashes. */
function encodeRef(ref: string): string {
  return ref.split('/').map(encodeURIComponent).join('/');
}

/** Where a browser shows a file of the repository on the forge, at `branch`. */
export function blobUrl(remote: RemoteRepository, branch: string, path: string): string {
  const origin = `https://${remote.host}/${remote.path}`;
  const file = path.split('/').map(encodeURIComponent).join('/');
  return remote.forge === 'github'
    ? `${origin}/blob/${encodeRef(branch)}/${file}`
    : `${origin}/-/blob/${encodeRef(branch)}/${file}`;
}

/** Where a browser shows a commit (a hex id) or a tag (any other name) on the forge. */
export function revisionUrl(remote: RemoteRepository, revision: string): string {
  const origin = `https://${remote.host}/${remote.path}`;
  const isCommit = /^[0-9a-f]{7,64}$/.test(revision);
  if (remote.forge === 'github')
    return isCommit
      ? `${origin}/commit/${revision}`
      : `${origin}/releases/tag/${encodeRef(revision)}`;
  return isCommit ? `${origin}/-/commit/${revision}` : `${origin}/-/tags/${encodeRef(revision)}`;
}

/** Links from an idea's files to the forge, or none when the remote is not a known forge. */
export interface ForgeLinks {
  file(path: string): string;
  revision(revision: string): string;
}

export function forgeLinks(remoteUrl: string | undefined, branch: string): ForgeLinks | undefined {
  const remote = remoteUrl === undefined ? undefined : parseRemoteUrl(remoteUrl);
  if (!remote) return undefined;
  return { file: (path) => blobUrl(remote, branch, path), revision: (r) => revisionUrl(remote, r) };
}

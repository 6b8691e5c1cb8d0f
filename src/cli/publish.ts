/**
 * Where a change goes: into the working tree, or committed on a new branch (then pushed, and
 * the pull request opened with `gh` when asked). A git failure removes the branch this run
 * made: nothing half-done.
 */
import { GitError } from '../errors.js';
import { commitOnNewBranch, deleteBranch, pushBranch, remoteUrl } from '../git/authoring.js';
import { parseRemoteUrl, pullRequestUrl } from '../git/forge-url.js';
import { toGitPath } from '../git/locate.js';
import { formatOutcomeJson, formatOutcomeText } from '../format/outcome.js';
import { sanitizeLine } from '../format/sanitize.js';
import type { FileChange } from '../model/types.js';
import { writeChanges } from '../write/working-tree.js';
import type { Context } from './context.js';
import { displayPathFn } from './repository.js';
import type { Session } from './session.js';
import type { AuthoringFlags } from './specs/authoring-options.js';

export interface Outcome {
  /** Paths written, root-relative. */
  paths: string[];
  branch?: string;
  url?: string;
}

export interface PublishRequest {
  changes: readonly FileChange[];
  branch: string;
  message: string;
  /** Pull-request title for `gh pr create`. */
  title: string;
}

export function publish(ctx: Context, session: Session, request: PublishRequest): Outcome {
  const paths = request.changes.map((c) => c.path);
  if (!session.base) {
    writeChanges(session.root, request.changes);
    return { paths };
  }
  const base = session.base;
  const commit = commitOnNewBranch(session.git, {
    base,
    branch: request.branch,
    changes: request.changes.map((c) => ({ ...c, path: toGitPath(session.prefix, c.path) })),
    message: request.message,
    tempDir: ctx.tempDir,
  });
  if (!session.push) return { paths, branch: request.branch };
  const remote = base.remote;
  if (!remote) {
    deleteBranch(session.git, request.branch, commit);
    throw new GitError(
      'there is no remote to push to',
      'add one (git remote add origin URL), or leave out --push and --open-pr',
    );
  }
  // A push goes over the network and blocks: say what is happening before it starts.
  const showProgress = ctx.stderr.isTTY === true && !ctx.env.CI;
  if (showProgress) ctx.err(`pushing ${request.branch} to ${remote}…`);
  try {
    pushBranch(session.git, remote, request.branch);
    if (showProgress) ctx.err('\r\u001b[2K');
  } catch (error) {
    if (showProgress) ctx.err('\r\u001b[2K');
    deleteBranch(session.git, request.branch, commit);
    throw error;
  }
  const configured = remoteUrl(session.git, remote);
  const forge = configured === undefined ? undefined : parseRemoteUrl(configured);
  const url = forge ? pullRequestUrl(forge, request.branch, base.name) : undefined;
  if (session.openPr) openPullRequest(ctx, session.root, request, base.name, url);
  return { paths, branch: request.branch, ...(url ? { url } : {}) };
}

function openPullRequest(
  ctx: Context,
  root: string,
  request: PublishRequest,
  base: string,
  url: string | undefined,
): void {
  const where = url ? `open it at ${url}` : 'open it on your forge';
  // `--flag=value` so a title starting with "-" is never read as an option.
  const result = ctx.runGh(
    [
      'pr',
      'create',
      `--head=${request.branch}`,
      `--base=${base}`,
      `--title=${request.title}`,
      `--body=${request.message}`,
    ],
    root,
    ctx.env,
  );
  if (result === undefined) {
    ctx.err(
      `ideas: gh (the GitHub CLI) is not on PATH, so no pull request was opened: ${where} (or install gh from https://cli.github.com)\n`,
    );
  } else if (result.status === 0) {
    ctx.err(`ideas: opened the pull request: ${sanitizeLine(result.stdout.trim())}\n`);
  } else {
    ctx.err(
      `ideas: gh pr create failed (${sanitizeLine(result.stderr.trim())}): the branch is pushed; ${where}\n`,
    );
  }
}

/** What every writer prints: the path, the branch, the PR URL; or one JSON object. */
export function reportOutcome(
  ctx: Context,
  session: Session,
  outcome: Outcome,
  format: AuthoringFlags['format'],
  fields: Record<string, string | boolean>,
  verb: string,
): void {
  if (format === 'json') {
    ctx.out(formatOutcomeJson(fields, outcome));
    return;
  }
  // In the working tree, paths read from where the user stands; on a branch, from the root.
  const display = session.base ? (path: string) => path : displayPathFn(ctx, session.root);
  ctx.out(
    formatOutcomeText({
      shown: outcome.paths.map(display),
      branch: outcome.branch,
      url: outcome.url,
      baseName: session.base?.name,
      pushed: session.push,
      verb,
    }),
  );
}

/**
 * Where a change goes: into the working tree, or committed on a new branch (then pushed, and
 * the pull request opened with `gh` when asked). A git failure removes the branch this run
 * made: nothing half-done. What git did is checked, not taken on its word: the branch must
 * hold exactly the change asked for, on the base. A branch left by an earlier run of the same
 * change (interrupted after its push) is taken as it is, so running the command again works.
 */
import { GitError } from '../errors.js';
import {
  branchExists,
  commitOnNewBranch,
  deleteBranch,
  pushBranch,
  remoteUrl,
} from '../git/authoring.js';
import { checkBranchChange } from '../git/branch-check.js';
import { parseRemoteUrl, pullRequestUrl } from '../git/forge-url.js';
import { toGitPath } from '../git/locate.js';
import { formatOutcomeJson, formatOutcomeText } from '../format/outcome.js';
import { sanitizeLine } from '../format/sanitize.js';
import type { FileChange } from '../model/types.js';
import { privateTemp } from '../write/private-temp.js';
import { deferSignals } from '../write/signals.js';
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
  // From here on, Ctrl-C or a SIGTERM ends the command once the git call or write under way is
  // done and undone where it must be: never between "as before" and "as after".
  deferSignals(ctx.stderr);
  if (!session.base) {
    writeChanges(session.root, request.changes);
    return { paths };
  }
  const base = session.base;
  const changes = request.changes.map((c) => ({ ...c, path: toGitPath(session.prefix, c.path) }));
  const earlier = branchExists(session.git, request.branch)
    ? sameChangeOnBranch(session, request.branch, changes)
    : undefined;
  const commit =
    earlier ??
    commitOnNewBranch(session.git, {
      base,
      branch: request.branch,
      changes,
      message: request.message,
      // Inside the git folder: an index left by a killed run never litters /tmp or the tree,
      // and the next branch write removes it (write/private-temp.ts).
      tempDir: privateTemp(session.git),
    });
  if (earlier === undefined) {
    const check = checkBranchChange(session.git, base.commit, request.branch, changes);
    const wrong =
      'problem' in check
        ? check.problem
        : check.tip === commit
          ? undefined
          : `the branch ${request.branch} does not point at the new commit`;
    if (wrong !== undefined) {
      deleteBranch(session.git, request.branch, commit);
      throw new GitError(
        `git did not commit the change as asked (${wrong}); the branch ${request.branch} was removed`,
        'check which git is first on PATH (git --version) and run "git fsck", then try again',
      );
    }
  }
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
    // A branch an earlier run left is kept: it is that run's, and this one may push it later.
    if (earlier === undefined) deleteBranch(session.git, request.branch, commit);
    throw error;
  }
  const configured = remoteUrl(session.git, remote);
  const forge = configured === undefined ? undefined : parseRemoteUrl(configured);
  const url = forge ? pullRequestUrl(forge, request.branch, base.name) : undefined;
  if (session.openPr) openPullRequest(ctx, session.root, request, base.name, url);
  return { paths, branch: request.branch, ...(url ? { url } : {}) };
}

/**
 * The tip of `branch` when it is exactly this change on the base (an earlier run of this
 * command, stopped before or after its push), else undefined: then the branch is someone
 * else's work, and committing refuses to touch it.
 */
function sameChangeOnBranch(
  session: Session,
  branch: string,
  changes: readonly FileChange[],
): string | undefined {
  if (!session.base) return undefined;
  const check = checkBranchChange(session.git, session.base.commit, branch, changes);
  return 'tip' in check ? check.tip : undefined;
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

/**
 * What `new`, `vote` and `review` share: where the write goes (the working tree, or a new
 * branch from the default branch), who the user is, refusing anything `validate` would reject
 * before a byte is written, and then writing, committing, pushing and opening the PR.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ExitCode, ExitError, GitError, UsageError } from '../errors.js';
import { buildRepository, type Repository } from '../model/repository.js';
import type { Problem, SourceFile } from '../model/types.js';
import { configOf, readRaw, toSnapshot } from '../read/repository.js';
import type { RawTree } from '../read/working-tree.js';
import type { Config } from '../schema/config.js';
import { HANDLE_PATTERN, ID_PATTERN } from '../schema/common.js';
import { validateRepository } from '../validate/validate.js';
import { writeFileAtomic } from '../write/atomic.js';
import { sanitizeLine } from '../format/sanitize.js';
import {
  commitOnNewBranch,
  deleteBranch,
  findDefaultBranch,
  pushBranch,
  readIdentity,
  remoteUrl,
  requireGitPrefix,
  type DefaultBranch,
} from '../git/authoring.js';
import { parseRemoteUrl, pullRequestUrl } from '../git/forge-url.js';
import { runGit } from '../git/git-process.js';
import type { Context } from './context.js';
import { displayPathFn, rootOf } from './repository.js';
import type { CommandOptions } from './spec.js';

export interface Session {
  root: string;
  config: Config;
  raw: RawTree;
  repo: Repository;
  /** Set when the write goes onto a new branch rather than into the working tree. */
  base?: DefaultBranch;
  /** The ideas root inside the git repository (`""` or `sub/dir/`), in branch mode. */
  prefix: string;
  push: boolean;
  openPr: boolean;
}

/** Reads what the command builds on: the working tree, or the default branch in branch mode. */
export async function openSession(ctx: Context, options: CommandOptions): Promise<Session> {
  const root = rootOf(ctx, options);
  const working = await readRaw({ root });
  const { config } = configOf(working);
  const openPr = options.openPr === true;
  const push = openPr || options.push === true;
  const branchMode =
    push || (typeof options.branch === 'boolean' ? options.branch : config.authoring.branch);
  if (options.branch === false && push) {
    throw new UsageError('--push and --open-pr need a branch: leave out --no-branch');
  }
  if (!branchMode) {
    return {
      root,
      config,
      raw: working,
      repo: buildRepository(toSnapshot(working), config),
      prefix: '',
      push,
      openPr,
    };
  }
  const prefix = requireGitPrefix(root);
  const base = findDefaultBranch(root);
  const raw = await readRaw({ root, ref: base.commit });
  // The branch builds on the default branch, so its config is the one that applies.
  const { config: baseConfig } =
    raw.configText === undefined ? { config } : configOf(raw, base.name);
  return {
    root,
    config: baseConfig,
    raw,
    repo: buildRepository(toSnapshot(raw), baseConfig),
    base,
    prefix,
    push,
    openPr,
  };
}

/** The working tree read again: for a check that must see what another run just wrote. */
export async function refreshSession(session: Session): Promise<Session> {
  if (session.base) return session;
  const raw = await readRaw({ root: session.root });
  return { ...session, raw, repo: buildRepository(toSnapshot(raw), session.config) };
}

/**
 * The current text of a file the command is about to change: read afresh, because the
 * repository's files may carry only a cached parse. Undefined when it does not exist.
 */
export function readCurrentText(session: Session, path: string): string | undefined {
  if (!session.raw.files.some((f) => f.path === path)) return undefined;
  if (session.base) {
    const blob = runGit(session.root, [
      'cat-file',
      'blob',
      `${session.base.commit}:${session.prefix}${path}`,
    ]);
    return blob.status === 0 ? blob.stdout.toString('utf8') : undefined;
  }
  refuseLinks(session.root, path);
  try {
    return readFileSync(join(session.root, path), 'utf8');
  } catch {
    return undefined;
  }
}

/** The user's handle: the person the config maps their git email to, else its local part. */
export function identifyUser(session: Session): { handle: string; email: string } {
  const { email } = readIdentity(session.root);
  const people = session.config.people;
  const lower = email.toLowerCase();
  for (const [handle, person] of Object.entries(people)) {
    if (person.emails.some((e) => e.toLowerCase() === lower)) return { handle, email };
  }
  if (Object.keys(people).length > 0) {
    throw new UsageError(
      `your git email ${email} is not under people in ideas.config.yaml`,
      `add it to your entry there (people: {you: {emails: [${email}]}}), or set the email git uses: git config user.email`,
    );
  }
  const local = (email.split('@')[0] ?? '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '');
  if (!HANDLE_PATTERN.test(local)) {
    throw new UsageError(
      `cannot make a handle out of your git email "${email}"`,
      'set a plain email in git (git config user.email you@example.com), or add yourself under people in ideas.config.yaml',
    );
  }
  return { handle: local, email };
}

/** A write in root-relative paths; `text: null` deletes. */
export interface FileChange {
  path: string;
  text: string | null;
  /** The file must not exist yet (ideas, decisions, first votes). */
  exclusive: boolean;
}

/**
 * The problems `validate` would report in the changed files once the change is made: the
 * last word before writing, after each command's own, friendlier checks.
 */
export function problemsAfter(
  session: Session,
  changes: readonly FileChange[],
  today: string,
  ignore: readonly string[] = [],
): Problem[] {
  const files = new Map<string, SourceFile>(session.raw.files.map((f) => [f.path, f]));
  for (const change of changes) {
    if (change.text === null) files.delete(change.path);
    else files.set(change.path, { path: change.path, text: change.text });
  }
  const raw: RawTree = { ...session.raw, files: [...files.values()] };
  const repo = buildRepository(toSnapshot(raw), session.config);
  const only = new Set(changes.filter((c) => c.text !== null).map((c) => c.path));
  return validateRepository(repo, { today, only }).filter((p) => !ignore.includes(p.rule));
}

/** Refuses (exit 2) when the change would not validate; prints warnings and goes on otherwise. */
export function refuseInvalid(ctx: Context, problems: readonly Problem[], what: string): void {
  const errors = problems.filter((p) => p.severity === 'error');
  for (const p of problems.filter((p) => p.severity === 'warning'))
    ctx.err(`ideas: warning: ${sanitizeLine(p.message)} (${p.rule})\n`);
  if (errors.length === 0) return;
  ctx.err(
    `ideas: ${what} would not pass "ideas validate", so nothing was written:\n${errors
      .map((p) => `  ${p.rule}  ${sanitizeLine(p.message)}\n`)
      .join('')}`,
  );
  throw new ExitError(ExitCode.usage);
}

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

/**
 * Writes the change into the working tree, or commits it on a new branch (then pushes and
 * opens the PR when asked). A git failure removes the branch this run made: nothing half-done.
 */
export function publish(ctx: Context, session: Session, request: PublishRequest): Outcome {
  const paths = request.changes.map((c) => c.path);
  if (!session.base) {
    writeWorkingTree(session.root, request.changes);
    return { paths };
  }
  const base = session.base;
  const commit = commitOnNewBranch(session.root, {
    base,
    branch: request.branch,
    changes: request.changes.map((c) => ({ path: `${session.prefix}${c.path}`, text: c.text })),
    message: request.message,
  });
  if (!session.push) return { paths, branch: request.branch };
  const remote = base.remote;
  if (!remote) {
    deleteBranch(session.root, request.branch, commit);
    throw new GitError(
      'there is no remote to push to',
      'add one (git remote add origin URL), or leave out --push and --open-pr',
    );
  }
  // A push goes over the network and blocks: say what is happening before it starts.
  const showProgress = ctx.stderr.isTTY === true && !ctx.env.CI;
  if (showProgress) ctx.err(`pushing ${request.branch} to ${remote}…`);
  try {
    pushBranch(session.root, remote, request.branch);
    if (showProgress) ctx.err('\r\u001b[2K');
  } catch (error) {
    if (showProgress) ctx.err('\r\u001b[2K');
    deleteBranch(session.root, request.branch, commit);
    throw error;
  }
  const configured = remoteUrl(session.root, remote);
  const forge = configured === undefined ? undefined : parseRemoteUrl(configured);
  const url = forge ? pullRequestUrl(forge, request.branch, base.name) : undefined;
  if (session.openPr) openPullRequest(ctx, session.root, request, base.name, url);
  return { paths, branch: request.branch, ...(url ? { url } : {}) };
}

/** A repository from anyone's PR may hold `votes -> /somewhere`: never write through a link. */
function refuseLinks(root: string, path: string): void {
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const at = join(root, ...parts.slice(0, i));
    let link = false;
    try {
      link = lstatSync(at).isSymbolicLink();
    } catch {
      return; // the rest does not exist yet: it will be made as real folders
    }
    if (link) {
      throw new UsageError(
        `${parts.slice(0, i).join('/')} is a symbolic link, and ideas does not write through links`,
        'replace the link with a real folder',
      );
    }
  }
}

function writeWorkingTree(root: string, changes: readonly FileChange[]): void {
  for (const change of changes) refuseLinks(root, change.path);
  const done: string[] = [];
  try {
    for (const change of changes) {
      const path = join(root, change.path);
      if (change.text === null) rmSync(path, { force: true });
      else writeFileAtomic(path, change.text, { exclusive: change.exclusive });
      done.push(path);
    }
  } catch (error) {
    for (const path of done) rmSync(path, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError();
    throw error;
  }
}

/** Another run wrote the same file first; the caller may retry with a fresh name. */
export class FileExistsError extends Error {
  override readonly name = 'FileExistsError';
}

function isOnPath(env: Context['env'], command: string): boolean {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? [`${command}.exe`, `${command}.cmd`] : [command];
  return dirs.some((dir) => names.some((name) => existsSync(join(dir, name))));
}

function openPullRequest(
  ctx: Context,
  root: string,
  request: PublishRequest,
  base: string,
  url: string | undefined,
): void {
  if (!isOnPath(ctx.env, 'gh')) {
    ctx.err(
      `ideas: gh (the GitHub CLI) is not on PATH, so no pull request was opened: ${
        url ? `open it at ${url}` : 'open it on your forge'
      } (or install gh from https://cli.github.com)\n`,
    );
    return;
  }
  // `--flag=value` so a title starting with "-" is never read as an option.
  const result = spawnSync(
    'gh',
    [
      'pr',
      'create',
      `--head=${request.branch}`,
      `--base=${base}`,
      `--title=${request.title}`,
      `--body=${request.message}`,
    ],
    { cwd: root, env: { ...process.env, ...ctx.env }, encoding: 'utf8' },
  );
  if (result.status === 0) ctx.err(`ideas: opened the pull request: ${result.stdout.trim()}\n`);
  else
    ctx.err(
      `ideas: gh pr create failed (${sanitizeLine(result.stderr?.trim() ?? '')}): the branch is pushed; ${
        url ? `open the pull request at ${url}` : 'open the pull request on your forge'
      }\n`,
    );
}

/** What every authoring command prints: the path, the branch, the PR URL; or JSON. */
export function reportOutcome(
  ctx: Context,
  session: Session,
  outcome: Outcome,
  json: Record<string, unknown> | undefined,
  verb: string,
): void {
  if (json) {
    ctx.out(
      `${JSON.stringify({ ...json, ...(outcome.branch ? { branch: outcome.branch } : {}), ...(outcome.url ? { url: outcome.url } : {}) })}\n`,
    );
    return;
  }
  // In the working tree, paths read from where the user stands; on a branch, from the root.
  const display = session.base ? (path: string) => path : displayPathFn(ctx, session.root);
  const shown = outcome.paths.map(display).join(', ');
  if (!outcome.branch) {
    ctx.out(`${verb} ${shown}\n`);
    return;
  }
  ctx.out(
    `${verb === 'removed' ? 'committed the removal of' : 'committed'} ${shown} on the branch ${outcome.branch} (from ${session.base?.name ?? 'main'})\n`,
  );
  if (!session.push) ctx.out(`push it when ready: git push -u origin ${outcome.branch}\n`);
  else if (outcome.url) ctx.out(`open the pull request: ${outcome.url}\n`);
  else ctx.out(`pushed; open a pull request for ${outcome.branch} on your forge\n`);
}

/** A short random suffix for temporary names that must not collide across processes. */
export function randomSuffix(): string {
  return randomBytes(4).toString('hex');
}

/** Reads a file the user named (`-` for stdin), for --from-json and --body-file. */
export async function readInput(ctx: Context, path: string, flag: string): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return readFileSync(resolve(ctx.cwd, path), 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${path} for ${flag}: ${(error as Error).message}`,
      'check the path, or pass - to read standard input',
    );
  }
}

/** An id typed on the command line, checked before it is used in a path or a git ref. */
export function assertIdeaId(id: string): void {
  if (!ID_PATTERN.test(id)) {
    throw new UsageError(
      `"${id}" is not an idea id`,
      'ids look like 7kq3xj: see them with "ideas list"',
    );
  }
}

/**
 * What `new`, `vote` and `review` build on: the repository the write goes into (the working
 * tree, or the default branch in branch mode) and who the user is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { readIdentity } from '../git/authoring.js';
import { runGit, type GitDir } from '../git/git-process.js';
import {
  requireDefaultBranch,
  requireRootPrefix,
  toGitPath,
  type DefaultBranch,
} from '../git/locate.js';
import { handleFromEmail, handleOfEmail } from '../model/people.js';
import type { Repository } from '../model/repository.js';
import { readRepository, type ReadRepository } from '../read/repository.js';
import type { Config } from '../schema/config.js';
import { readToJudge } from '../validate/affected.js';
import { emptySelection, type Selection } from '../validate/reach.js';
import { refuseLinks } from '../write/working-tree.js';
import { subsetReader } from './read-selection.js';
import type { Context } from './context.js';
import { rootOf } from './repository.js';
import type { AuthoringFlags } from './specs/authoring-options.js';

export interface Session {
  root: string;
  git: GitDir;
  config: Config;
  /** The repository and the files it was read from, to check a change before writing it. */
  read: ReadRepository;
  repo: Repository;
  /** Set when the write goes onto a new branch rather than into the working tree. */
  base?: DefaultBranch;
  /** The ideas root inside the git repository (`''` or `sub/dir`), in branch mode. */
  prefix: string;
  push: boolean;
  openPr: boolean;
  /** What the command writes, when it says: then only what judging those files needs is read. */
  focus?: Focus;
  /** The records the focus is known to ask for, read with the config (openSession). */
  anticipated?: Selection;
}

/** The record paths a command will write, named before reading (validate/affected.ts readToJudge). */
export type Focus = (config: Config) => { paths: string[]; ideas?: string[] };

/**
 * Reads what the command builds on: the working tree, or the default branch in branch mode.
 * `anticipated` names the records the focus will ask for whatever the config says (the idea,
 * its votes and decisions): they are read with the config, so one listing and one `cat-file`
 * serve the focused read too.
 */
export async function openSession(
  ctx: Context,
  flags: AuthoringFlags,
  focus?: Focus,
  anticipated?: Selection,
): Promise<Session> {
  const root = rootOf(ctx, flags);
  const git = ctx.git(root);
  const working = await readFocused(ctx, root, undefined, focus, undefined, anticipated);
  const config = working.repo.config;
  const branchMode = flags.push || (flags.branch ?? config.authoring.branch);
  const common = {
    root,
    git,
    push: flags.push,
    openPr: flags.openPr,
    ...(focus ? { focus } : {}),
    ...(anticipated ? { anticipated } : {}),
  };
  if (!branchMode) return { ...common, config, read: working, repo: working.repo, prefix: '' };
  const prefix = requireRootPrefix(
    git,
    'run "git init" (or clone the ideas repository) first, or leave out --branch',
  );
  const base = requireDefaultBranch(git);
  // The branch builds on the default branch, so its config is the one that applies.
  const read = await readFocused(ctx, root, base.commit, focus, config, anticipated);
  return { ...common, config: read.repo.config, read, repo: read.repo, base, prefix };
}

/** An idea's own records, as openSession anticipates them: the idea, its decisions, its votes. */
export function ideaRecords(ids: readonly string[], { votes }: { votes: boolean }): Selection {
  const selection = emptySelection();
  for (const id of ids) {
    selection.ideas.add(id);
    selection.decisionsOn.add(id);
    if (votes) selection.votesOn.add(id);
  }
  return selection;
}

/** The working tree read again: for a check that must see what another run just wrote. */
export async function refreshSession(ctx: Context, session: Session): Promise<Session> {
  if (session.base) return session;
  const read = await readFocused(
    ctx,
    session.root,
    undefined,
    session.focus,
    undefined,
    session.anticipated,
  );
  return { ...session, read, repo: read.repo };
}

/** The whole repository, or with a focus only what judging the focused files needs. */
async function readFocused(
  ctx: Context,
  root: string,
  ref: string | undefined,
  focus: Focus | undefined,
  fallbackConfig?: Config,
  anticipated: Selection = emptySelection(),
): Promise<ReadRepository> {
  const options = { root, ref, env: ctx.env, ...(fallbackConfig ? { fallbackConfig } : {}) };
  if (!focus) return readRepository(options);
  // One scan of the working tree for every round: git lists each folder once (index-scan.ts).
  const reader = subsetReader(options);
  // The config says who the user is, and so which files are theirs: read first, with what the
  // focus is known to ask for, as every selection reads the config too.
  const { config } = await reader.read(anticipated);
  const { paths, ideas = [] } = focus(config);
  const repo = await readToJudge(reader.read, paths, () => {
    const selection = emptySelection();
    for (const id of ideas) selection.ideas.add(id);
    return selection;
  });
  // The last read is the one readToJudge settled on.
  const last = reader.last();
  return last && last.repo === repo ? last : readRepository(options);
}

/**
 * The current text of a file the command is about to change: read afresh, because the
 * repository's files may carry only a cached parse. Undefined when it does not exist.
 */
export function readCurrentText(session: Session, path: string): string | undefined {
  if (!session.read.tree.files.some((f) => f.path === path)) return undefined;
  if (session.base) {
    const blob = runGit(session.git, [
      'cat-file',
      'blob',
      `${session.base.commit}:${toGitPath(session.prefix, path)}`,
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
export function identifyUser(session: Pick<Session, 'git' | 'config'>): {
  handle: string;
  email: string;
} {
  const { email } = readIdentity(session.git);
  const people = session.config.people;
  const known = handleOfEmail(people, email);
  if (known !== undefined) return { handle: known, email };
  if (Object.keys(people).length > 0) {
    throw new UsageError(
      `your git email ${email} is not under people in ideas.config.yaml`,
      `add it to your entry there (people: {you: {emails: [${email}]}}), or set the email git uses: git config user.email`,
    );
  }
  const handle = handleFromEmail(email);
  if (handle === undefined) {
    throw new UsageError(
      `cannot make a handle out of your git email "${email}"`,
      'set a plain email in git (git config user.email you@example.com), or add yourself under people in ideas.config.yaml',
    );
  }
  return { handle, email };
}

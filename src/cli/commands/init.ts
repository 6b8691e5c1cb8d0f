/** `ideas init [dir]`: scaffold an ideas repository; never overwrites without --force. */
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { HANDLE_PATTERN } from '../../schema/common.js';
import { builtInTemplate } from '../../read/repository.js';
import { TEMPLATE_PATH } from '../../model/layout.js';
import { findPackageRoot, packageSpec } from '../../read/package-files.js';
import { runGit, type GitDir } from '../../git/git-process.js';
import { findDefaultBranch, findTopLevel } from '../../git/locate.js';
import { writeAllOrNothing } from '../../write/working-tree.js';
import { ExitCode, UsageError } from '../../errors.js';
import type { CommandHandler } from '../spec.js';
import type { Context } from '../context.js';

/** The empty files that keep the record folders in git before any record exists. */
const FOLDER_KEEPS = ['ideas', 'votes', 'decisions'].map((folder) => `${folder}/.gitkeep`);

export interface InitOptions {
  reviewer: string[];
  ci: 'github' | 'gitlab' | 'none';
  force: boolean;
  /** Also write the job that publishes the ideas site. */
  site: boolean;
}

export const run: CommandHandler<InitOptions> = async (ctx, args, options) => {
  const target = resolve(ctx.cwd, args[0] ?? '.');
  const reviewers =
    options.reviewer.length > 0 ? options.reviewer : [defaultReviewer(ctx.git(ctx.cwd), ctx.env)];
  for (const handle of reviewers) {
    if (!HANDLE_PATTERN.test(handle))
      throw new UsageError(
        `"${handle}" is not a handle`,
        'use letters, digits, ".", "_" or "-", e.g. --reviewer carol',
      );
  }
  // Forges read .github/ and .gitlab-ci.yml at the top of the git repository, which may be above the ideas root.
  const gitTop = gitTopLevel(ctx, target);
  const prefix = gitTop ? relative(gitTop, target).split(sep).join('/') : '';
  const forgeRoot = gitTop ?? target;
  const branch = defaultBranchAt(ctx, forgeRoot);
  const values: Record<string, string> = {
    branch,
    reviewers: reviewers.join(', '),
    owners: reviewers.map((r) => `@${r}`).join(' '),
    package: packageSpec(),
    prefix: prefix ? `${prefix}/` : '',
    workdir: prefix || '.',
  };

  const plan = new Map<string, string>();
  for (const [path, text] of templateFiles('base'))
    plan.set(join(target, path), fill(text, values));
  // CI files belong at the top of the git repository, where the forge reads them.
  if (options.ci !== 'none') {
    for (const [path, text] of templateFiles(options.ci))
      plan.set(join(forgeRoot, path), fill(text, values));
  }
  if (options.site) {
    if (options.ci === 'none')
      throw new UsageError('--site writes a CI job: it needs --ci github or --ci gitlab');
    for (const [path, text] of templateFiles(`site/${options.ci}`))
      plan.set(join(forgeRoot, path), fill(text, values));
  }
  plan.set(join(target, TEMPLATE_PATH), builtInTemplate());
  for (const keep of FOLDER_KEEPS) plan.set(join(target, keep), '');

  // Never write through a link: a linked .github/ or templates/ could lead anywhere.
  for (const path of plan.keys()) {
    const base = path.startsWith(target + sep) ? target : forgeRoot;
    const linked = linkOnTheWay(base, path);
    if (linked) {
      throw new UsageError(
        `${relative(ctx.cwd, linked) || linked} is a symbolic link: ideas init does not write through links`,
        'replace the link with a real folder or file, then run ideas init again',
      );
    }
  }
  const existing = [...plan.keys()].filter((path) => existsSync(path));
  if (existing.length > 0 && !options.force) {
    const names = existing.map((path) => relative(ctx.cwd, path) || path);
    throw new UsageError(
      `not overwriting ${names.length} existing file${names.length === 1 ? '' : 's'}: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`,
      'pass --force to overwrite them, or init another folder',
    );
  }
  mkdirSync(target, { recursive: true });
  // All or nothing: a full disk part way must not leave files that make the next run refuse.
  writeAllOrNothing([...plan].map(([path, text]) => ({ path, text, exclusive: false })));

  const shownTarget = relative(ctx.cwd, target) || '.';
  const cdFirst = target === ctx.cwd ? '' : `cd ${shownTarget} && `;
  const shown = [...plan.keys()]
    .filter((p) => !p.endsWith('.gitkeep'))
    .map((p) => `  ${relative(ctx.cwd, p) || p}`);
  ctx.out(
    [
      `Initialised an ideas repository in ${target}`,
      ...shown,
      '',
      ...(gitTop
        ? []
        : [
            // Pull requests are the approval flow: outside git nothing can be committed yet.
            `${shownTarget} is not in a git repository, and ideas keeps everything in git.`,
            '',
          ]),
      'Next:',
      ...(gitTop ? [] : [`  ${cdFirst}git init`]),
      `  ${cdFirst}ideas validate`,
      '  edit ideas.config.yaml: teams, people, reviewers',
      `  git add -A && git commit -m "Start an ideas repository"${gitTop ? ' && git push' : ''}`,
      ...(options.ci === 'none'
        ? []
        : [
            `  protect ${branch}: require the ideas check and code-owner review (README of git-ideas: CI)`,
          ]),
      '',
    ].join('\n'),
  );
  return ExitCode.ok;
};

/** Every path `ideas init` may write, from the root or the git top: what adopting ideas adds. */
export function scaffoldPaths(): Set<string> {
  const sets = ['base', 'github', 'gitlab', 'site/github', 'site/gitlab'];
  const fromSets = sets.flatMap((set) =>
    templateFiles(set).map(([path]) => path.split(sep).join('/')),
  );
  return new Set([...fromSets, ...FOLDER_KEEPS, TEMPLATE_PATH]);
}

/** The files under templates/init/<set>/, as paths relative to that folder. */
function templateFiles(set: string): [string, string][] {
  const base = join(findPackageRoot(), 'templates', 'init', set);
  const files: [string, string][] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push([relative(base, path), readFileSync(path, 'utf8')]);
    }
  };
  walk(base);
  return files;
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

function gitTopLevel(ctx: Context, dir: string): string | undefined {
  let at = dir;
  while (!existsSync(at)) at = resolve(at, '..');
  return findTopLevel(ctx.git(at));
}

/**
 * The branch pull requests merge into, which the workflow triggers on: the repository's default
 * branch (findDefaultBranch: origin/HEAD, else main or master), else the branch checked out (an
 * unborn one too), else main. Another name would leave CI silent.
 */
function defaultBranchAt(ctx: Context, dir: string): string {
  const git = existsSync(dir) ? ctx.git(dir) : undefined;
  const current = git ? runGit(git, ['symbolic-ref', '--quiet', '--short', 'HEAD']) : undefined;
  const found =
    (git && findDefaultBranch(git)?.name) ||
    (current?.status === 0 ? current.stdout.toString('utf8').trim() : '') ||
    'main';
  // The name is written into YAML: anything but plain characters could change its meaning.
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(found))
    throw new UsageError(
      `the default branch "${found}" has characters ideas init does not write into a workflow`,
      'rename it (git branch -m main), or write the CI files by hand',
    );
  return found;
}

/** The local part of the git email, else the login name: a reasonable first reviewer. */
function defaultReviewer(dir: GitDir, env: Record<string, string | undefined>): string {
  const email = runGit(dir, ['config', 'user.email']);
  const local = email.status === 0 ? email.stdout.toString('utf8').trim().split('@')[0] : undefined;
  const candidate = (local || env.USER || 'reviewer').replace(/[^A-Za-z0-9._-]/g, '-');
  return HANDLE_PATTERN.test(candidate) ? candidate : 'reviewer';
}

/** The first symbolic link among the parts of `path` below `base`, if any. */
function linkOnTheWay(base: string, path: string): string | undefined {
  let at = base;
  for (const part of relative(base, path).split(sep)) {
    at = join(at, part);
    if (lstatSync(at, { throwIfNoEntry: false })?.isSymbolicLink()) return at;
  }
  return undefined;
}

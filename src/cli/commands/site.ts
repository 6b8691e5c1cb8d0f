/**
 * `ideas site`: read the repository (and its history, for the report), find the forge the
 * forms should open, build every page, write them. The output folder is ours only when it is
 * new, empty, or holds the manifest of an earlier run: then the files that run wrote and this
 * one does not are removed, and nothing else is ever touched.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { remoteUrl } from '../../git/authoring.js';
import type { GitDir } from '../../git/git-process.js';
import { findDefaultBranch, findRootPrefix } from '../../git/locate.js';
import { readFileHistory } from '../../git/file-history.js';
import { parseRemoteUrl } from '../../git/forge-url.js';
import { readPackageFile } from '../../read/package-files.js';
import { buildReport } from '../../report/report.js';
import { historyKeys } from '../../model/record-dates.js';
import { countSupport } from '../../model/support.js';
import { buildSite } from '../../site/build-site.js';
import type { SiteForge } from '../../site/new-file.js';
import { MANIFEST, writeSite } from '../../write/site-folder.js';
import { deferSignals } from '../../write/signals.js';
import type { Context } from '../context.js';
import { isInside, REPOSITORY_FOLDERS } from '../output-path.js';
import { startProgress } from '../progress.js';
import { loadRepository } from '../repository.js';
import type { CommandHandler } from '../spec.js';
import type { ReadFlags } from '../options.js';

export interface SiteOptions extends ReadFlags {
  out: string | undefined;
  at: string | undefined;
  forgeUrl: string | undefined;
  branch: string | undefined;
}

export const run: CommandHandler<SiteOptions> = async (ctx, _args, options) => {
  const progress = startProgress(ctx);
  progress.phase('reading the repository');
  const loaded = await loadRepository(ctx, options);
  const { root, repo, today } = loaded;
  const out = outputFolder(ctx, root, options);
  progress.phase('reading git history');
  // One count of support and one roadmap, made by the report, for the pages too.
  const support = countSupport(repo);
  // The history (a date for each of 100,000 record files) is held by no variable: it is garbage
  // once the report is built, before the pages are.
  const report = buildReport(repo, {
    today,
    history: readFileHistory(ctx.git(root), loaded.ref, historyKeys(repo)),
    ref: options.ref ?? options.at,
    support,
  });
  const forge = findForge(ctx.git(root), options);
  if (!forge)
    ctx.err(
      'ideas: note: no GitHub or GitLab remote found: the site shows files to copy instead of editor links (pass --forge-url https://github.com/OWNER/REPO)\n',
    );
  progress.phase('building and writing pages');
  const files = buildSite({
    repo,
    report,
    support,
    today,
    forge,
    clientScript: readClientScript(),
    source: options.at
      ? `the repository as of ${options.at}`
      : options.ref
        ? `${options.ref}`
        : 'the working tree',
  });
  // Ctrl-C while pages are written ends the command once the folder is whole (the build and
  // the writes are one synchronous step): never with a half-built folder left beside --out.
  deferSignals(ctx.stderr);
  // Each page is written as it is built: the phase is both.
  const written = writeSite(out, files);
  progress.done();
  ctx.out(`${out}\n`);
  const pages = written.filter((path) => path.endsWith('.html')).length;
  ctx.err(`ideas: wrote ${written.length} files (${pages} pages) to ${out}\n`);
  return ExitCode.ok;
};

function readClientScript(): string {
  try {
    return readPackageFile('dist', 'site-client.js');
  } catch {
    throw new Error('dist/site-client.js is missing: the package was not built (npm run build)');
  }
}

/** The forge from --forge-url, else the remote's URL; its default branch and our prefix in it. */
function findForge(dir: GitDir, options: SiteOptions): SiteForge | undefined {
  const found = findDefaultBranch(dir);
  const branch = options.branch ?? found?.name;
  const url = options.forgeUrl ?? remoteUrl(dir, found?.remote ?? 'origin');
  const parsed = url === undefined ? undefined : parseRemoteUrl(url);
  if (options.forgeUrl !== undefined && !parsed)
    throw new UsageError(
      `--forge-url ${options.forgeUrl} is not a GitHub or GitLab repository`,
      'write it as https://github.com/OWNER/REPO or https://gitlab.example.com/GROUP/PROJECT',
    );
  if (!parsed) return undefined;
  return {
    forge: parsed.forge,
    host: parsed.host,
    path: parsed.path,
    branch: branch ?? 'main',
    // The site's links join it to a root path with no separator: `sub/dir/` or ``.
    prefix: (findRootPrefix(dir) ?? '').replace(/(.)$/, '$1/'),
  };
}

/** --out, or _site in the root (what GitHub's Pages upload action takes by default). */
function outputFolder(ctx: Context, root: string, options: SiteOptions): string {
  const out = options.out === undefined ? join(root, '_site') : resolve(ctx.cwd, options.out);
  if (isInside(out, root))
    throw new UsageError(
      `--out ${out} holds the ideas repository itself`,
      'name a folder of its own for the site, e.g. --out _site',
    );
  for (const folder of REPOSITORY_FOLDERS)
    if (isInside(join(root, folder), out))
      throw new UsageError(
        `--out ${out} is inside ${folder}/, where the repository keeps its records`,
        'name a folder of its own for the site, e.g. --out _site',
      );
  if (existsSync(out)) {
    if (!statSync(out).isDirectory())
      throw new UsageError(`--out ${out} is a file`, 'name a folder for the site');
    if (readdirSync(out).length > 0 && !existsSync(join(out, MANIFEST)))
      throw new UsageError(
        `${out} is not empty and was not written by "ideas site" (no ${MANIFEST} in it)`,
        'name a new or empty folder, or remove this one first',
      );
  }
  return out;
}

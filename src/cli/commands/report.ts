/** `ideas report`: read the repository and its git history, compute every figure, format, write. */
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { readFileHistory } from '../../git/file-history.js';
import { historyKeys } from '../../model/record-dates.js';
import { buildReport } from '../../report/report.js';
import { formatReport, type ReportFormat } from '../../report/format.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { sanitizeLine } from '../../format/sanitize.js';
import { forgeLinksOf } from '../forge-links.js';
import { refuseRepositoryFile } from '../output-path.js';
import { answerFromCache, rootOf } from '../repository.js';
import { readScope } from '../filters.js';
import { startProgress } from '../progress.js';
import { outInSlices } from '../out-slices.js';
import type { Context } from '../context.js';
import type { CommandHandler } from '../spec.js';
import type { ReadFlags } from '../options.js';

export interface ReportOptions extends ReadFlags {
  format: ReportFormat | undefined;
  out: string | undefined;
  open: boolean;
  since: string | undefined;
  team: string | undefined;
  campaign: string | undefined;
}

const EXTENSIONS: Record<string, ReportFormat> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.json': 'json',
  '.txt': 'text',
};

export const run: CommandHandler<ReportOptions> = async (ctx, _args, options) => {
  const { out } = options;
  const format = chooseFormat(options.format, out);
  // Before the work: a report would replace the config or land among the records.
  if (out !== undefined) refuseRepositoryFile(rootOf(ctx, options), resolve(ctx.cwd, out));

  const progress = startProgress(ctx);
  progress.phase('reading the repository');
  const color = ctx.color && out === undefined;
  // Only the documents a browser opens link to the forge (the remote's URL, read at the edge);
  // the links' base is part of the cached answer's key, so a new remote gives new links (the
  // commit a past report links to is in the key already: the report reads history).
  const linked = format === 'md' || format === 'html';
  const links = linked ? forgeLinksOf(ctx.git(rootOf(ctx, options))) : undefined;
  const request = {
    command: 'report',
    params: {
      format,
      color,
      since: options.since,
      team: options.team,
      campaign: options.campaign,
      at: options.at,
      // The report names the ref it was asked for: two names of one commit print differently.
      ref: options.ref,
      links: links?.file('') ?? null,
    },
    history: true,
  };
  const answer = await answerFromCache(ctx, options, request, ({ root, repo, ref, today }) => {
    const scope = readScope(repo, options);
    progress.phase('reading git history');
    const history = readFileHistory(ctx.git(root), ref, historyKeys(repo));
    progress.phase('computing the report');
    const report = buildReport(repo, {
      today,
      history,
      ...scope,
      ref: options.at ?? ref,
    });
    const note =
      report.dates.note === null ? '' : `ideas: note: ${sanitizeLine(report.dates.note)}\n`;
    const at = linked && ref !== undefined ? forgeLinksOf(ctx.git(root), ref) : links;
    return {
      out: formatReport(format, report, { color, links: at }),
      err: note,
      code: ExitCode.ok,
    };
  });
  const text = answer.out;
  progress.done();
  if (answer.err) ctx.err(answer.err);

  if (out === undefined && !options.open) {
    // The JSON report of 100,000 ideas is 63 MB.
    outInSlices(ctx, [text]);
    return ExitCode.ok;
  }
  // --open without --out: a file in the temporary folder, since a browser needs a file.
  const target = out
    ? resolve(ctx.cwd, out)
    : join(
        mkdtempSync(join(ctx.tempDir, 'ideas-report-')),
        `report-${ctx.today}.${format === 'text' ? 'txt' : format}`,
      );
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new UsageError(
      `cannot write ${target}: it is a folder`,
      'name a file with --out, e.g. --out report.html',
    );
  }
  try {
    writeFileAtomic(target, text);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'EISDIR'
        ? 'it is a folder'
        : (error as Error).message;
    throw new UsageError(
      `cannot write ${target}: ${reason}`,
      'name a file with --out, e.g. --out report.html',
    );
  }
  ctx.out(`${target}\n`);
  if (options.open) await openFile(ctx, target);
  return ExitCode.ok;
};

function chooseFormat(given: ReportFormat | undefined, out: string | undefined): ReportFormat {
  if (given !== undefined) return given;
  if (out !== undefined) return EXTENSIONS[extname(out).toLowerCase()] ?? 'text';
  return 'text';
}

/** The context's opener; when there is none, the path printed above is enough. */
async function openFile(ctx: Context, path: string): Promise<void> {
  try {
    await ctx.openFile(path, ctx.env);
  } catch (error) {
    ctx.err(
      `ideas: could not open a browser (${error instanceof Error ? error.message : String(error)}): open ${path} yourself\n`,
    );
  }
}

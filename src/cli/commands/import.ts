/**
 * `ideas import SOURCE FILE`: read an export, plan the files (src/import/plan.ts), refuse what
 * validate would reject, then write them like every writer does: into the working tree through
 * the atomic writer, or onto a new branch.
 */
import { randomInt } from 'node:crypto';
import { isMap, parseDocument } from 'yaml';
import { ExitCode, UsageError } from '../../errors.js';
import { sanitizeForTerminal, sanitizeLine } from '../../format/sanitize.js';
import { CONFIG_FILE } from '../../model/layout.js';
import { parseConfig } from '../../parse/config.js';
import { planImport, type ImportPlan } from '../../import/plan.js';
import { CANNY, FIDER, USERVOICE, parseCsvSource } from '../../import/sources/csv-source.js';
import { parseGithub } from '../../import/sources/github.js';
import { parseExport } from '../../import/sources/json.js';
import type { StatusMap } from '../../import/sources/status-map.js';
import type { ParsedSource } from '../../import/types.js';
import type { FileChange } from '../../model/types.js';
import type { Context } from '../context.js';
import { problemsAfter, refuseInvalid } from '../dry-run.js';
import { readInput } from '../input.js';
import { publish } from '../publish.js';
import { openSession, type Session } from '../session.js';
import type { CommandHandler } from '../spec.js';
import type { AuthoringFlags } from '../specs/authoring-options.js';

export interface ImportOptions extends AuthoringFlags {
  dryRun: boolean;
  reviewer: string[];
  addPeople: boolean;
  mapStatus: string[];
}

function parseSource(source: string, text: string, file: string, map: StatusMap): ParsedSource {
  switch (source) {
    case 'json':
      return parseExport(text, file);
    case 'github':
      return parseGithub(text, file, map);
    case 'canny':
      return parseCsvSource(text, file, CANNY, map);
    case 'fider':
      return parseCsvSource(text, file, FIDER, map);
    case 'uservoice':
      return parseCsvSource(text, file, USERVOICE, map);
    default:
      throw new UsageError(`unknown source "${source}"`);
  }
}

function readStatusMap(options: ImportOptions): StatusMap {
  const map = new Map<string, string | null>();
  for (const entry of options.mapStatus) {
    const at = entry.lastIndexOf('=');
    if (at <= 0)
      throw new UsageError(
        `--map-status "${entry}" is not FROM=TO`,
        'e.g. --map-status "started=accepted"',
      );
    const to = entry.slice(at + 1).trim();
    map.set(entry.slice(0, at).trim().toLowerCase(), to === '' ? null : to);
  }
  return map;
}

function signers(session: Session, options: ImportOptions): string[] {
  const given = options.reviewer;
  const { reviewers, review } = session.config;
  for (const name of given) {
    if (!reviewers.includes(name))
      throw new UsageError(
        `--reviewer ${name} is not a configured reviewer`,
        reviewers.length > 0
          ? `reviewers: ${reviewers.join(', ')}`
          : 'add reviewers to ideas.config.yaml first',
      );
  }
  return given.length > 0 ? given : reviewers.slice(0, review.quorum);
}

/** The config with the new people added, comments and order kept. */
function configWithPeople(text: string, people: ImportPlan['people']): string {
  const doc = parseDocument(text);
  if (!isMap(doc.get('people'))) doc.set('people', doc.createNode({}));
  for (const [handle, { emails }] of people)
    doc.setIn(['people', handle], doc.createNode(emails.length > 0 ? { emails } : {}));
  return doc.toString({ lineWidth: 0 });
}

export const run: CommandHandler<ImportOptions> = async (ctx, args, options) => {
  const [source = '', file = ''] = args;
  const text = await readInput(ctx, file, `ideas import ${source}`);
  const parsed = parseSource(source, text, file === '-' ? 'stdin' : file, readStatusMap(options));
  let session = await openSession(ctx, options);
  const plan = planImport(session.repo, parsed.ideas, {
    today: ctx.today,
    reviewers: signers(session, options),
    addPeople: options.addPeople,
    randomInt: (max) => randomInt(max),
  });
  for (const note of [...parsed.notes, ...plan.notes])
    ctx.err(`ideas: ${sanitizeLine(note.where)}: ${sanitizeLine(note.message)}\n`);

  const changes: FileChange[] = plan.files.map((f) => ({ ...f, exclusive: true }));
  const configNow = session.read.tree.configText;
  if (plan.people.size > 0 && configNow !== undefined) {
    const configText = configWithPeople(configNow, plan.people);
    const { config } = parseConfig(configText);
    // The check before writing judges the files against the config as it will be.
    if (config)
      session = {
        ...session,
        config,
        read: { ...session.read, repo: { ...session.read.repo, config } },
      };
    changes.push({ path: CONFIG_FILE, text: configText, exclusive: false });
  }
  const summary = `${plan.counts.ideas} ideas, ${plan.counts.votes} votes, ${plan.counts.decisions} decisions${
    plan.skipped > 0 ? `; ${plan.skipped} already imported, left as they are` : ''
  }${plan.people.size > 0 ? `; ${plan.people.size} people added to ${CONFIG_FILE}` : ''}`;

  if (options.dryRun && options.format === 'json') {
    ctx.out(
      `${JSON.stringify({
        schema: 1,
        dryRun: true,
        files: changes.map((c) => ({ path: c.path, text: c.text })),
        counts: plan.counts,
        skipped: plan.skipped,
        notes: [...parsed.notes, ...plan.notes],
      })}\n`,
    );
    return ExitCode.ok;
  }
  if (options.dryRun) {
    for (const change of changes)
      ctx.out(`--- ${change.path}\n${sanitizeForTerminal(change.text ?? '')}\n`);
    ctx.out(`would import ${summary}\n`);
    return ExitCode.ok;
  }
  if (changes.length === 0) {
    ctx.out(`nothing to import: ${summary}\n`);
    return ExitCode.ok;
  }
  // Unknown people were named once each above; anonymous voters are unknown by design.
  const problems = problemsAfter(session, changes, ctx.today).filter(
    (p) =>
      p.severity === 'error' ||
      (p.rule !== 'idea/unknown-person' && p.rule !== 'vote/unknown-voter'),
  );
  const anonymous = plan.anonymousVotes.size;
  if (anonymous > 0 && Object.keys(session.config.people).length > 0)
    ctx.err(
      `ideas: ${anonymous} votes have no named voter (the source only counts them): validate warns that their anon-… voters are not under people (vote/unknown-voter)\n`,
    );
  refuseInvalid(ctx, problems, 'the import');
  const outcome = publish(ctx, session, {
    changes,
    branch: `import/${source}-${ctx.today}-${randomInt(36 ** 4).toString(36)}`,
    message: `Import ${summary} from ${source}`,
    title: `Import ${plan.counts.ideas} ideas from ${source}`,
  });
  report(ctx, plan, summary, outcome, options.format === 'json');
  return ExitCode.ok;
};

function report(
  ctx: Context,
  plan: ImportPlan,
  summary: string,
  outcome: { branch?: string; url?: string },
  json: boolean,
): void {
  if (json) {
    ctx.out(
      `${JSON.stringify({
        schema: 1,
        imported: plan.ideas,
        counts: plan.counts,
        skipped: plan.skipped,
        ...(outcome.branch ? { branch: outcome.branch } : {}),
        ...(outcome.url ? { url: outcome.url } : {}),
      })}\n`,
    );
    return;
  }
  ctx.out(`imported ${summary}${outcome.branch ? ` on the branch ${outcome.branch}` : ''}\n`);
  if (outcome.url) ctx.out(`open the pull request: ${outcome.url}\n`);
}

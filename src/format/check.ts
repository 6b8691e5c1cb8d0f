/** The report of `ideas check` in text, json, GitHub annotations and GitLab Code Quality. Formatters return strings. */
import type { Problem } from '../model/types.js';
import { formatGitlab } from './gitlab.js';
import {
  countBySeverity,
  formatGithub,
  formatText,
  problemJson,
  type ProblemFormat,
} from './problems.js';
import { sanitizeLine } from './sanitize.js';

export interface CheckedChange {
  status: string;
  path: string;
  from?: string;
  kind: string;
}

export interface CheckReport {
  base: string;
  head: string;
  mergeBase: string;
  actor: { handle: string | undefined; source: string; people: string[] };
  changes: readonly CheckedChange[];
  /** Violations carry `allowed`; validation problems do not. */
  problems: readonly (Problem & { allowed?: string })[];
}

function describeActor(report: CheckReport): string {
  const { handle, source, people } = report.actor;
  if (handle !== undefined) return `acting as ${handle} (from ${source})`;
  return `acting as the commit authors: ${people.length > 0 ? people.join(', ') : 'none'} (no --actor, GITHUB_ACTOR or GITLAB_USER_LOGIN; emails mapped through people in the base config)`;
}

function summary(report: CheckReport): string {
  const head = `${report.head.slice(0, 12)} against ${report.base} (merge base ${report.mergeBase.slice(0, 12)})`;
  return sanitizeLine(
    `ideas check: ${head}, ${report.changes.length} changed file${report.changes.length === 1 ? '' : 's'}, ${describeActor(report)}`,
  );
}

export function formatCheck(
  format: ProblemFormat,
  report: CheckReport,
  options: { color: boolean; summaryWritten?: boolean },
): string {
  if (format === 'gitlab') return formatGitlab(report.problems);
  if (format === 'json') {
    const { errors } = countBySeverity(report.problems);
    const problems = report.problems.map((problem) => ({
      ...problemJson(problem),
      ...(problem.allowed !== undefined ? { allowed: problem.allowed } : {}),
    }));
    const body = {
      ok: errors === 0,
      base: report.base,
      head: report.head,
      mergeBase: report.mergeBase,
      actor: { ...report.actor, handle: report.actor.handle ?? null },
      changes: report.changes,
      problems,
    };
    return `${JSON.stringify(body, null, 2)}\n`;
  }
  const files = report.changes.length;
  if (format === 'github') {
    // The notice shows in the job log and the summary: a reader sees whose rights were applied.
    const notice = `::notice title=ideas check::${escapeData(summary(report))}`;
    const rest = options.summaryWritten
      ? 'the job summary lists them all'
      : 'ideas check --format json lists them all';
    return `${notice}\n${formatGithub({ problems: report.problems, files }, { rest })}`;
  }
  return `${summary(report)}\n${formatText({ problems: report.problems, files }, options)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

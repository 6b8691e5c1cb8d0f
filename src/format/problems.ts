/** Problem reports in the formats of `validate` and `check`. Formatters return strings. */
import { Chalk } from 'chalk';
import type { Problem } from '../model/types.js';
import { formatGitlab } from './gitlab.js';
import { sanitizeForTerminal, sanitizeLine } from './sanitize.js';

import type { ProblemFormat } from './problem-formats.js';

export type { ProblemFormat };

/** The version of `validate --format json`'s shape: raised when a key changes meaning or goes. */
export const PROBLEMS_JSON_SCHEMA = 1;

export interface ProblemReport {
  problems: readonly Problem[];
  /** How many record files were checked, for the summary line. */
  files: number;
}

export function countBySeverity(problems: readonly Problem[]): {
  errors: number;
  warnings: number;
} {
  let errors = 0;
  for (const problem of problems) if (problem.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

/** `path:line:column  severity  rule-id  message`, one a line, then a summary. */
export function formatText(report: ProblemReport, { color }: { color: boolean }): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines = report.problems.map((p) => {
    const severity = p.severity === 'error' ? c.red('error') : c.yellow('warning');
    return `${c.bold(`${lineStart(sanitizeLine(p.file))}:${p.line}:${p.column}`)}  ${severity}  ${c.dim(p.rule)}  ${sanitizeLine(p.message)}`;
  });
  const { errors, warnings } = countBySeverity(report.problems);
  const files = `${report.files} file${report.files === 1 ? '' : 's'}`;
  if (report.problems.length === 0) lines.push(c.green(`✓ ${files} checked, no problems`));
  else {
    lines.push('');
    lines.push(
      `${errors > 0 ? c.red('✖') : c.yellow('!')} ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${files}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A path that starts a line of text output. CI logs read a line starting with "::" as a
 * workflow command (GitHub's `::error file=…::`): such a file name is shown as "./::…".
 */
function lineStart(path: string): string {
  return path.startsWith('::') ? `./${path}` : path;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One problem as the JSON formats print it: the documented fields, in their order. */
export function problemJson({ rule, severity, file, line, column, message }: Problem) {
  return { rule, severity, file, line, column, message };
}

/** `{ ok, problems: [{ rule, severity, file, line, column, message }] }` (SPEC §4). */
export function formatJson(report: ProblemReport): string {
  const { errors } = countBySeverity(report.problems);
  const problems = report.problems.map(problemJson);
  return `${JSON.stringify({ schema: PROBLEMS_JSON_SCHEMA, ok: errors === 0, files: report.files, problems }, null, 2)}\n`;
}

/** GitHub shows at most 10 error and 10 warning annotations of a step; the rest would vanish. */
export const GITHUB_ANNOTATIONS_PER_STEP = 10;

/**
 * GitHub Actions workflow commands: each problem becomes an annotation on its line, up to
 * GitHub's limit per severity; then one notice says how many more there are and where they are.
 */
export function formatGithub(
  report: ProblemReport,
  { rest = 'run ideas validate for the full list' }: { rest?: string } = {},
): string {
  const shown = { error: 0, warning: 0 };
  const lines: string[] = [];
  for (const p of report.problems) {
    if (shown[p.severity]++ >= GITHUB_ANNOTATIONS_PER_STEP) continue;
    const props = `file=${escapeProperty(sanitizeForTerminal(p.file))},line=${p.line},col=${p.column},title=${escapeProperty(p.rule)}`;
    lines.push(`::${p.severity} ${props}::${escapeData(sanitizeForTerminal(p.message))}`);
  }
  const { errors, warnings } = countBySeverity(report.problems);
  const hidden = {
    errors: Math.max(0, errors - GITHUB_ANNOTATIONS_PER_STEP),
    warnings: Math.max(0, warnings - GITHUB_ANNOTATIONS_PER_STEP),
  };
  if (hidden.errors + hidden.warnings > 0)
    lines.push(
      `::notice title=ideas::${escapeData(`${plural(hidden.errors, 'more error')} and ${plural(hidden.warnings, 'more warning')} are not shown as annotations (GitHub shows ${GITHUB_ANNOTATIONS_PER_STEP} of each per step): ${rest}`)}`,
    );
  lines.push(
    `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(report.files, 'file')}`,
  );
  return `${lines.join('\n')}\n`;
}

// The escapes GitHub's toolkit applies, so a message cannot end an annotation or start a new command.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatProblems(
  format: ProblemFormat,
  report: ProblemReport,
  options: { color: boolean },
): string {
  if (format === 'json') return formatJson(report);
  if (format === 'github') return formatGithub(report);
  if (format === 'gitlab') return formatGitlab(report.problems);
  return formatText(report, options);
}

/** Problem reports in the three formats of `validate` and `check`. Formatters return strings. */
import { Chalk } from 'chalk';
import type { Problem } from '../model/types.js';
import { sanitizeForTerminal, sanitizeLine } from './sanitize.js';

export type ProblemFormat = 'text' | 'json' | 'github';

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
    return `${c.bold(`${sanitizeLine(p.file)}:${p.line}:${p.column}`)}  ${severity}  ${c.dim(p.rule)}  ${sanitizeLine(p.message)}`;
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

/** GitHub Actions workflow commands: each problem becomes an annotation on its line. */
export function formatGithub(report: ProblemReport): string {
  const lines = report.problems.map((p) => {
    const command = p.severity === 'error' ? 'error' : 'warning';
    const props = `file=${escapeProperty(sanitizeLine(p.file))},line=${p.line},col=${p.column},title=${escapeProperty(p.rule)}`;
    return `::${command} ${props}::${escapeData(sanitizeForTerminal(p.message))}`;
  });
  const { errors, warnings } = countBySeverity(report.problems);
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${report.files} files`);
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
  return formatText(report, options);
}

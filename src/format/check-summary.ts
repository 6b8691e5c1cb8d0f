/**
 * The Markdown job summary of `ideas check` ($GITHUB_STEP_SUMMARY): who acts, what the pull
 * request does, each touched idea's rank and score before and after, whether each decision has
 * its quorum, and every problem (annotations show only the first few). Kept under GitHub's
 * 1 MiB cap; every piece of text from the files is escaped.
 */
import type { ChangeSummary, Standing } from '../policy/summary.js';
import type { CheckReport } from './check.js';
import { escapeMarkdown } from './md-escape.js';
import { countBySeverity } from './problems.js';

/** GitHub refuses a step summary over 1 MiB; keep a margin for what other steps append. */
export const SUMMARY_LIMIT_BYTES = 1000 * 1000;

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const md = escapeMarkdown;

function standing(s: Standing | undefined): string {
  if (!s) return '–';
  const score = s.score === null ? 'no score' : `score ${Number(s.score.toFixed(3))}`;
  return `${s.rank === undefined ? md(s.status) : `#${s.rank}`}, ${score}, ${s.votes} vote${s.votes === 1 ? '' : 's'}`;
}

function actorLine(report: CheckReport): string {
  const { handle, source, people } = report.actor;
  if (handle !== undefined) return `${md(handle)} (from ${md(source)})`;
  return `the commit authors: ${people.length > 0 ? people.map(md).join(', ') : 'none'}`;
}

export function formatCheckSummary(report: CheckReport, summary: ChangeSummary): string {
  const { errors, warnings } = countBySeverity(report.problems);
  const head: string[] = [
    '## ideas check',
    '',
    `${errors > 0 ? '❌' : '✅'} ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${report.changes.length} changed file${report.changes.length === 1 ? '' : 's'}, against ${md(report.base)}`,
    '',
    `**Who acts:** ${actorLine(report)}`,
    '',
  ];
  const does: string[] = [];
  for (const idea of summary.ideasAdded) does.push(`- New idea ${code(idea.id)} ${md(idea.title)}`);
  for (const vote of summary.votesCast)
    does.push(
      `- ${md(vote.voter)} ${vote.changed ? 'changes their vote on' : 'votes for'} ${code(vote.idea)}: ${vote.points} point${Math.abs(vote.points) === 1 ? '' : 's'}`,
    );
  for (const vote of summary.votesRetracted)
    does.push(`- ${md(vote.voter)} retracts their vote on ${code(vote.idea)}`);
  for (const d of summary.decisions)
    does.push(
      `- Decision: ${code(d.idea)} → ${md(d.status)}, signed by ${d.signedBy.length > 0 ? d.signedBy.map(md).join(', ') : 'no reviewer'}: quorum ${d.signedBy.length} of ${d.quorum} ${d.met ? 'met ✅' : 'not met ❌'}`,
    );
  if (does.length > 0) head.push('### What it does', '', ...does, '');
  if (summary.ideas.length > 0) {
    head.push(
      `### Ranking (${md(summary.model)})`,
      '',
      `| idea | before (base tip) | after (${summary.merges ? 'merge result' : 'the branch: it does not merge cleanly'}) |`,
      '| --- | --- | --- |',
      ...summary.ideas.map(
        (i) => `| ${code(i.id)} ${md(i.title)} | ${standing(i.before)} | ${standing(i.after)} |`,
      ),
      '',
    );
  }
  const text = `${head.join('\n')}`;
  return `${text}${problemsSection(report, SUMMARY_LIMIT_BYTES - byteLength(text))}`;
}

/** Every problem, as many as fit in `room` bytes; the count of the rest when some do not. */
function problemsSection(report: CheckReport, room: number): string {
  if (report.problems.length === 0) return '';
  const lines = [
    `### Problems (${report.problems.length})`,
    '',
    '| where | severity | rule | message |',
    '| --- | --- | --- | --- |',
  ];
  let used = byteLength(lines.join('\n')) + 200;
  let shown = 0;
  for (const p of report.problems) {
    const row = `| ${md(`${p.file}:${p.line}:${p.column}`)} | ${p.severity} | ${code(p.rule)} | ${md(p.message)} |`;
    used += byteLength(row) + 1;
    if (used > room) break;
    lines.push(row);
    shown++;
  }
  if (shown < report.problems.length)
    lines.push(
      '',
      `${report.problems.length - shown} more not shown: the summary stays under GitHub's 1 MiB; \`ideas check --format json\` lists them all.`,
    );
  return `${lines.join('\n')}\n`;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

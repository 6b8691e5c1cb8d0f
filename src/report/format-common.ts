/** The small helpers the report's formats share (in their own module: format.ts imports the formats). */
import type { Report } from './report.js';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of `width` cells at most, in eighths of a cell. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? '');
}

const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One character a value, scaled to the largest; a space for zero so gaps show. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((v) =>
      v <= 0 || max === 0
        ? ' '
        : (SPARKS[Math.min(7, Math.ceil((v / max) * 8) - 1)] ?? SPARKS[0] ?? ''),
    )
    .join('');
}

export function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

export function days(value: number | null): string {
  return value === null ? '–' : `${Number.isInteger(value) ? value : value.toFixed(1)} d`;
}

/** At most `width` characters, an ellipsis marking the cut. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-11` -> `Nov 2026`. */
export function monthLabel(month: string, withYear = true): string {
  const name = MONTHS[Number(month.slice(5, 7)) - 1] ?? month;
  return withYear ? `${name} ${month.slice(0, 4)}` : name;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** How the report describes where its dates came from. */
export function datesLine(report: Report): string {
  const source =
    report.dates.source === 'git'
      ? 'dates from git history (when each file landed on the main line)'
      : report.dates.source === 'mixed'
        ? 'dates from git history, some from front matter'
        : 'dates from front matter (git history unavailable)';
  return source;
}

export function filtersLine(report: Report): string {
  const parts = [
    report.filters.team && `team ${report.filters.team} and below`,
    report.filters.campaign && `campaign ${report.filters.campaign}`,
    report.filters.since && `since ${report.filters.since}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'all ideas';
}

/** The name of the one top-level team, when the config gives it: the organisation's name. */
export function organisationOf(report: Report): string | null {
  const roots = report.participation.teams.filter(
    (row) => row.depth === 0 && row.team !== '(no team)',
  );
  return roots.length === 1 ? (roots[0]?.name ?? null) : null;
}

/** "final" or "shipped or released": the done statuses, as every format names delivery. */
export function doneLabel(report: Report): string {
  return report.lifecycle.done.join(' or ');
}

/** The one trend window, as every format says it. */
export function trendWindowLine(report: Report): string {
  const { from, to, months } = report.trendWindow;
  return `${plural(months, 'month')}, ${monthLabel(from)} – ${monthLabel(to)}${report.filters.since ? ' (from --since)' : ''}`;
}

/** The latency headline: decided ideas and the ones still waiting, side by side. */
export function latencyLines(report: Report): string[] {
  const l = report.latency;
  const u = l.undecided;
  return [
    `to a first decision: median ${days(l.firstDecision.median)}, p90 ${days(l.firstDecision.p90)} (${l.firstDecision.count} decided)`,
    u.count === 0
      ? 'every idea has had a decision'
      : `${u.count} undecided: waiting median ${days(u.median)}, p90 ${days(u.p90)}, longest ${days(u.longest)}`,
    `to ${doneLabel(report)}: median ${days(l.toDone.median)}, p90 ${days(l.toDone.p90)} (${l.toDone.count} delivered)`,
  ];
}

/** A change from one period to the next as every format says it: +3, -2 or 0. */
export function change(current: number, previous: number): string {
  const delta = current - previous;
  return delta > 0 ? `+${delta}` : String(delta);
}

/** The figures the period comparison shows, in order, with their labels. */
export const PERIOD_FIGURES = [
  ['ideas', 'new ideas'],
  ['votes', 'votes'],
  ['decisions', 'decisions'],
  ['delivered', 'delivered'],
  ['authors', 'authors'],
  ['voters', 'voters'],
  ['customers', 'customers named'],
] as const satisfies readonly (readonly [keyof Report['period']['current'], string])[];

/** The two windows, as every format names them: this period, then the one before it. */
export function periodLines(report: Report): [string, string] {
  const { current, previous, days: length, source } = report.period;
  const how = source === 'since' ? 'from --since' : 'the default; --since sets it';
  return [
    `this period: ${plural(length, 'day')}, ${current.from} to ${current.to} (${how})`,
    `before: the ${plural(length, 'day')} from ${previous.from} to ${previous.to}`,
  ];
}

/** Who counts as quiet, in words. */
export function quietLine(report: Report): string {
  return `active before, nothing brought in the last ${report.people.quietAfterDays} days`;
}

/**
 * `ideas changes` as text (a terminal), Markdown (a pull-request or issue comment, a chat post)
 * or JSON (what a bot posts). Titles, rationales and handles come from anyone's files: text is
 * sanitised for the terminal, Markdown escaped, JSON left to JSON.stringify.
 */
import { Chalk } from 'chalk';
import type { Changes, WindowEdge } from '../history/changes.js';
import { escapeMarkdown } from './md-escape.js';
import { sanitizeLine } from './sanitize.js';

export const CHANGES_FORMATS = ['text', 'md', 'json'] as const;
export type ChangesFormat = (typeof CHANGES_FORMATS)[number];

export const CHANGES_SCHEMA = 1;

export function formatChanges(
  format: ChangesFormat,
  changes: Changes,
  { color }: { color: boolean },
): string {
  if (format === 'json')
    return `${JSON.stringify({ schema: CHANGES_SCHEMA, ...changes }, null, 2)}\n`;
  return format === 'md' ? changesMarkdown(changes) : changesText(changes, color);
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function edge(e: WindowEdge, none: string): string {
  if (e.given === null) return none;
  return e.given === e.day ? e.day : `${e.given} (${e.day})`;
}

function headline(changes: Changes): string {
  const t = changes.totals;
  return [
    plural(t.arrived, 'new idea'),
    plural(t.statusChanges, 'status change'),
    `${plural(t.votesCast, 'vote')} cast`,
    `${t.votesChanged} changed`,
    `${t.votesRetracted} retracted`,
    `${t.becameStale} became stale`,
  ].join(', ');
}

function windowLine(changes: Changes): string {
  const who = changes.forHandle ? ` for ${changes.forHandle}` : '';
  return `Changes${who} from ${edge(changes.since, 'the beginning')} to ${edge(changes.until, 'now')}`;
}

function voteLine(v: Changes['votes'][number], name: (s: string) => string): string {
  const parts = [
    v.cast > 0 ? `+${v.cast} cast` : '',
    v.changed > 0 ? `${v.changed} changed` : '',
    v.retracted > 0 ? `-${v.retracted} retracted` : '',
  ].filter(Boolean);
  const who = v.voters
    ? [
        v.voters.cast.length > 0 ? `by ${v.voters.cast.map(name).join(', ')}` : '',
        v.voters.retracted.length > 0
          ? `retracted by ${v.voters.retracted.map(name).join(', ')}`
          : '',
      ]
        .filter(Boolean)
        .join('; ')
    : '';
  return `${parts.join(', ')}${who ? ` (${who})` : ''}`;
}

function changesText(changes: Changes, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const s = sanitizeLine;
  const lines = [c.bold(s(windowLine(changes))), s(headline(changes)), ''];
  const section = (title: string, rows: string[]) => {
    if (rows.length === 0) return;
    lines.push(c.bold(title), ...rows, '');
  };
  section(
    'New ideas',
    changes.arrived.map(
      (i) =>
        `  ${i.id}  ${s(i.title)}  by ${s(i.authors.join(', '))}${i.team ? `, ${s(i.team)}` : ''}  [${s(i.status)}]`,
    ),
  );
  section(
    'Status changes',
    changes.statusChanges.flatMap((d) => [
      `  ${d.date}  ${d.id}  ${s(d.title)}: ${s(d.from)} -> ${c.bold(s(d.to))} (${s(d.reviewers.join(', '))})`,
      ...(d.rationale ? [`      ${s(firstLine(d.rationale))}`] : []),
    ]),
  );
  section(
    'Votes',
    changes.votes.map((v) => `  ${v.id}  ${s(v.title)}: ${s(voteLine(v, (x) => x))}`),
  );
  section(
    'Became stale (waiting for a decision)',
    changes.becameStale.map(
      (i) =>
        `  ${i.id}  ${s(i.title)}  ${s(i.status)} since ${i.waitingSince} (${i.waitingDays} d)`,
    ),
  );
  if (lines.length === 3) lines.push('Nothing happened in this window.', '');
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function changesMarkdown(changes: Changes): string {
  const e = escapeMarkdown;
  const lines = [`## ${e(windowLine(changes))}`, '', e(headline(changes)), ''];
  const section = (title: string, rows: string[]) => {
    if (rows.length === 0) return;
    lines.push(`### ${title}`, '', ...rows, '');
  };
  section(
    'New ideas',
    changes.arrived.map(
      (i) =>
        `- \`${i.id}\` **${e(i.title)}** by ${e(i.authors.join(', '))}${i.team ? ` (${e(i.team)})` : ''}, ${e(i.status)}`,
    ),
  );
  section(
    'Status changes',
    changes.statusChanges.map(
      (d) =>
        `- ${d.date} \`${d.id}\` **${e(d.title)}**: ${e(d.from)} → **${e(d.to)}** (${e(d.reviewers.join(', '))})${d.rationale ? `: ${e(firstLine(d.rationale))}` : ''}`,
    ),
  );
  section(
    'Votes',
    changes.votes.map((v) => `- \`${v.id}\` **${e(v.title)}**: ${voteLine(v, e)}`),
  );
  section(
    'Became stale',
    changes.becameStale.map(
      (i) =>
        `- \`${i.id}\` **${e(i.title)}**: ${e(i.status)} since ${i.waitingSince} (${i.waitingDays} days)`,
    ),
  );
  if (lines.length === 4) lines.push('Nothing happened in this window.', '');
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** A rationale's first paragraph line: the digest links to the full text. */
function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

/**
 * The Markdown report's table builder and the sections that close the loop: this period
 * against the last, rising ideas, the roadmap, people and customer demand. Every string from
 * a file goes through escapeMarkdown.
 */
import { escapeMarkdown as e } from '../format/md-escape.js';
import type { Report } from './report.js';
import { change, PERIOD_FIGURES, periodLines, plural, quietLine } from './format-common.js';

/** Rows shown before "… and N more". */
export const LIST_LIMIT = 15;

/** A GFM table's lines (and the blank line after it); cells are escaped by the caller. */
export function markdownTable(
  head: string[],
  rows: (string | number)[][],
  align?: string[],
): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => align?.[i] ?? '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ];
}

/** The id of an idea, linked to its file on the forge when the remote is a known forge. */
export type IdeaLink = (idea: { id: string; path: string }) => string;

export function more(total: number): string[] {
  return total > LIST_LIMIT
    ? [`… and ${total - LIST_LIMIT} more: \`ideas report --format json\` lists all.`, '']
    : [];
}

export function loopMarkdown(report: Report, link: IdeaLink): string[] {
  const out: string[] = [];
  const p = report.period;
  out.push('## This period against the last', '', `${e(periodLines(report).join('; '))}.`, '');
  out.push(
    ...markdownTable(
      ['figure', 'before', 'this period', 'change'],
      PERIOD_FIGURES.map(([key, label]) => [
        label,
        p.previous[key],
        p.current[key],
        change(p.current[key], p.previous[key]),
      ]),
      ['---', '--:', '--:', '--:'],
    ),
  );

  out.push(
    '## Rising ideas',
    '',
    'The most new support in this period: counted votes that arrived in it.',
    '',
  );
  if (report.rising.length === 0) out.push('No new votes in this period.', '');
  else
    out.push(
      ...markdownTable(
        ['idea', 'title', 'status', 'new votes', 'before', 'votes'],
        report.rising.map((r) => [
          link(r),
          e(r.title),
          e(r.status),
          `+${r.newVotes}`,
          r.previousVotes,
          r.votes,
        ]),
        ['---', '---', '---', '--:', '--:', '--:'],
      ),
    );

  const stages = report.roadmap.stages;
  out.push(
    '## Roadmap',
    '',
    `${plural(
      stages.reduce((n, s) => n + s.ideas.length, 0),
      'open idea',
    )} past review, by stage; days are how long each has stood in its stage.`,
    '',
  );
  for (const stage of stages) {
    out.push(`### ${e(stage.status)} (${stage.ideas.length})`, '');
    if (stage.ideas.length === 0) {
      out.push('Nothing here.', '');
      continue;
    }
    out.push(
      ...markdownTable(
        ['idea', 'title', 'days', 'since', 'votes', 'team', 'theme'],
        stage.ideas
          .slice(0, LIST_LIMIT)
          .map((i) => [
            link(i),
            e(i.title),
            i.days,
            i.since,
            i.votes,
            e(i.team ?? ''),
            e(i.theme?.title ?? ''),
          ]),
        ['---', '---', '--:', '---', '--:', '---', '---'],
      ),
      ...more(stage.ideas.length),
    );
  }

  const people = report.people;
  const personRow = (row: Report['people']['contributors'][number]) => [
    e(row.person),
    e(row.team ?? ''),
    row.ideas,
    row.votes,
    row.lastActive,
  ];
  out.push('## People', '', 'Ideas and votes per person, most first.', '');
  if (people.contributors.length === 0) out.push('No one yet.', '');
  else
    out.push(
      ...markdownTable(
        ['person', 'team', 'ideas', 'votes', 'last active'],
        people.contributors.slice(0, LIST_LIMIT).map(personRow),
        ['---', '---', '--:', '--:', '---'],
      ),
      ...more(people.contributors.length),
    );
  out.push(`### Quiet (${people.quiet.length})`, '', `${e(quietLine(report))}.`, '');
  if (people.quiet.length > 0)
    out.push(
      ...markdownTable(
        ['person', 'team', 'ideas', 'votes', 'last active', 'quiet for'],
        people.quiet.slice(0, LIST_LIMIT).map((row) => [...personRow(row), `${row.quietDays} d`]),
        ['---', '---', '--:', '--:', '---', '--:'],
      ),
      ...more(people.quiet.length),
    );

  out.push('## Customer demand', '');
  if (report.customers.length === 0) out.push('No vote names a customer.', '');
  else
    out.push(
      'Each customer named in votes, with the ideas asked for and where they stand.',
      '',
      ...markdownTable(
        ['customer', 'votes', 'ideas asked for'],
        report.customers
          .slice(0, LIST_LIMIT)
          .map((c) => [
            e(c.customer),
            c.votes,
            c.ideas.map((i) => `${link(i)} ${e(i.title)} (${e(i.status)})`).join('<br>'),
          ]),
        ['---', '--:', '---'],
      ),
      ...more(report.customers.length),
    );
  return out;
}

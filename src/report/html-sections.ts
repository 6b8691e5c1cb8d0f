/**
 * The report page's sections that close the loop: this period against the last, rising ideas,
 * the roadmap, people, and customer demand. Every string from a file is escaped here.
 */
import { escapeHtml as h } from '../format/html-escape.js';
import type { Report } from './report.js';
import { change, PERIOD_FIGURES, periodLines, plural, quietLine } from './format-common.js';
import { longTable, num, section, status, table, type Column } from './html-parts.js';

/** Rows shown before the rest folds away behind "… and N more". */
export const LIST_LIMIT = 12;

type Cell = (idea: { id: string; title: string; path: string }) => string;

export interface LoopSections {
  period: string;
  rising: string;
  roadmap: string;
  people: string;
  customers: string;
}

export function loopSections(report: Report, cell: Cell): LoopSections {
  const badge = (value: string) => status(value, report.lifecycle);
  const p = report.period;
  const period = section(
    'period',
    'This period against the last',
    h(`${periodLines(report).join('; ')}.`),
    table(
      'This period and the one before',
      ['figure', 'before', 'this period', 'change'],
      PERIOD_FIGURES.map(([key, label]) => [
        h(label),
        num(p.previous[key]),
        num(p.current[key]),
        num(change(p.current[key], p.previous[key])),
      ]),
    ),
  );

  const rising = section(
    'rising',
    'Rising ideas',
    'The most new support in this period: counted votes that arrived in it.',
    report.rising.length === 0
      ? '<p>No new votes in this period.</p>'
      : table(
          'Rising ideas',
          [
            { label: 'idea', title: true },
            { label: 'status', wide: true },
            'new votes',
            { label: 'before', wide: true },
            'votes',
          ],
          report.rising.map((r) => [
            cell(r),
            badge(r.status),
            num(`+${r.newVotes}`),
            num(r.previousVotes),
            num(r.votes),
          ]),
        ),
  );

  const stages = report.roadmap.stages;
  const onRoad = stages.reduce((n, s) => n + s.ideas.length, 0);
  const stageHead: Column[] = [
    { label: 'idea', title: true },
    { label: 'days' },
    { label: 'votes' },
    { label: 'since', wide: true },
    { label: 'team', wide: true },
    { label: 'theme', wide: true },
  ];
  const roadmap = section(
    'roadmap',
    'Roadmap',
    `${plural(onRoad, 'open idea')} past review, by stage; days are how long each has stood in its stage.`,
    stages
      .map(
        (stage) =>
          `<h3>${badge(stage.status)} <span class="count">${stage.ideas.length}</span></h3>${
            stage.ideas.length === 0
              ? '<p class="small">Nothing here.</p>'
              : longTable(
                  `Ideas ${stage.status}, longest first`,
                  stageHead,
                  stage.ideas.map((i) => [
                    cell(i),
                    num(`${i.days} d`),
                    num(i.votes),
                    h(i.since),
                    h(i.team ?? ''),
                    h(i.theme?.title ?? ''),
                  ]),
                  LIST_LIMIT,
                )
          }`,
      )
      .join('') +
      (report.roadmap.byTeam.length === 0
        ? ''
        : `<p class="small">By team: ${report.roadmap.byTeam
            .map((t) => `${h(t.team ?? 'no team')} <b>${t.ideas}</b>`)
            .join(' · ')}</p>`),
  );

  const personHead: Column[] = [
    { label: 'person' },
    { label: 'team', wide: true },
    { label: 'ideas' },
    { label: 'votes' },
    { label: 'last active', wide: true },
  ];
  const personRow = (row: Report['people']['contributors'][number]) => [
    `<span class="person">${h(row.person)}</span>`,
    h(row.team ?? ''),
    num(row.ideas),
    num(row.votes),
    h(row.lastActive),
  ];
  const pe = report.people;
  const people = section(
    'people',
    'People',
    'Ideas and votes per person, most first; and who has gone quiet.',
    `<div class="split"><div><h3>Contributors <span class="count">${pe.contributors.length}</span></h3>${
      pe.contributors.length === 0
        ? '<p>No one yet.</p>'
        : longTable('Contributors', personHead, pe.contributors.map(personRow), 10)
    }</div><div><h3>Quiet <span class="count">${pe.quiet.length}</span></h3><p class="small">${h(quietLine(report))}.</p>${
      pe.quiet.length === 0
        ? '<p>No one has gone quiet.</p>'
        : longTable(
            'Quiet people',
            [...personHead, { label: 'quiet for' }],
            pe.quiet.map((row) => [...personRow(row), num(`${row.quietDays} d`)]),
            10,
          )
    }</div></div>`,
  );

  const customers = section(
    'customers',
    'Customer demand',
    'Each customer named in votes, with the ideas asked for and where they stand.',
    report.customers.length === 0
      ? '<p>No vote names a customer.</p>'
      : longTable(
          'Customers',
          [{ label: 'customer' }, { label: 'ideas asked for', title: true }, { label: 'votes' }],
          report.customers.map((c) => [
            `<b>${h(c.customer)}</b>`,
            `<ul class="asked">${c.ideas.map((i) => `<li>${cell(i)} ${badge(i.status)}</li>`).join('')}</ul>`,
            num(c.votes),
          ]),
          LIST_LIMIT,
        ),
  );
  return { period, rising, roadmap, people, customers };
}

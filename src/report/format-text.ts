/**
 * The report on a terminal: 80 columns, bars and sparklines in Unicode blocks, colour only
 * when asked. Every string from a file goes through sanitizeLine: a title could carry ANSI
 * escapes or control characters.
 */
import { Chalk } from 'chalk';
import { sanitizeLine } from '../format/sanitize.js';
import type { Report } from './report.js';
import {
  bar,
  days,
  change,
  datesLine,
  doneLabel,
  PERIOD_FIGURES,
  periodLines,
  quietLine,
  filtersLine,
  latencyLines,
  organisationOf,
  percent,
  plural,
  sparkline,
  trendWindowLine,
  truncate,
} from './format-common.js';

const WIDTH = 80;
const LIST_LIMIT = 8;

export function formatReportText(report: Report, { color }: { color: boolean }): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const s = (text: string) => sanitizeLine(text);
  const fit = (text: string, width: number) => truncate(s(text), width);
  const pad = (text: string, width: number) => fit(text, width).padEnd(width);
  const num = (value: number | string, width: number) => String(value).padStart(width);
  const lines: string[] = [];
  const heading = (title: string, note = '') => {
    lines.push('');
    lines.push(`${c.bold.cyan(title.toUpperCase())}${note ? c.dim(`  ${note}`) : ''}`);
  };
  const more = (total: number) => {
    if (total > LIST_LIMIT)
      lines.push(c.dim(`  … and ${total - LIST_LIMIT} more (--format json lists all)`));
  };

  const t = report.totals;
  const organisation = organisationOf(report);
  lines.push(
    `${c.bold(`Ideas report${organisation ? ` · ${fit(organisation, 40)}` : ''}`)}  ${c.dim(report.today)}`,
  );
  lines.push(c.dim(fit(`${report.ref ?? 'working tree'} · ${filtersLine(report)}`, WIDTH)));
  lines.push(
    `${c.bold(plural(t.ideas, 'idea'))}, ${plural(t.themes, 'theme')}, ${t.delivered} ${s(doneLabel(report))} · ${c.bold(plural(t.votes, 'vote'))} · ${plural(t.decisions, 'decision')} · ${plural(t.authors, 'author')} · ${plural(t.voters, 'voter')}`,
  );
  lines.push(c.dim(datesLine(report)));
  if (report.dates.note) lines.push(c.yellow(`! ${s(report.dates.note)}`));

  // Funnel: how far ideas get along the main line, and where they leave it.
  heading('Funnel', 'ideas that reached each stage, → share that went on to the next');
  const stages = report.funnel.stages;
  const maxReached = Math.max(1, ...stages.map((st) => st.reached));
  for (const st of stages) {
    const exits = Object.entries(st.exits)
      .map(([to, n]) => `${n} ${to}`)
      .join(', ');
    const conversion = st.conversion === null ? '' : `→ ${percent(st.conversion)}`;
    lines.push(
      `  ${pad(st.status, 12)} ${c.green(bar(st.reached, maxReached, 16).padEnd(16))} ${num(st.reached, 4)} ${c.dim(`(${st.current} now)`.padEnd(10))} ${conversion.padEnd(6)} ${c.dim(fit(exits, 24))}`.trimEnd(),
    );
  }
  const side = report.funnel.exits.filter((e) => e.current > 0);
  lines.push(
    `  all the way: ${c.bold(percent(report.funnel.overall))}  ${c.dim(`· out now: ${side.length > 0 ? side.map((e) => `${s(e.status)} ${e.current}`).join(', ') : 'none'}`)}`,
  );

  // Latency: the figure a lead watches, then its shape and where it comes from.
  const l = report.latency;
  heading('Decision latency', 'days from arrival, by git date');
  for (const line of latencyLines(report)) lines.push(`  ${fit(line, WIDTH - 2)}`);
  lines.push(`  ${c.dim('arrival to each stage of the main line')}`);
  for (const st of l.toStage)
    lines.push(
      `  ${pad(st.status, 13)} ${days(st.median).padStart(8)} ${days(st.p90).padStart(8)} ${num(st.count, 6)}`,
    );
  lines.push(`  ${c.dim('first decisions by how long they took')}`);
  const maxBucket = Math.max(1, ...l.distribution.map((b) => b.count));
  for (const b of l.distribution)
    lines.push(
      `  ${b.label.padEnd(13)} ${c.blue(bar(b.count, maxBucket, 30).padEnd(30))} ${num(b.count, 3)}`,
    );
  lines.push(`  ${c.dim('time in each stage before the next decision')}`);
  lines.push(
    c.dim(
      `  ${'stage'.padEnd(13)} ${'median'.padStart(8)} ${'p90'.padStart(8)} ${'moves'.padStart(6)}`,
    ),
  );
  for (const st of l.stages)
    lines.push(
      `  ${pad(st.status, 13)} ${days(st.median).padStart(8)} ${days(st.p90).padStart(8)} ${num(st.count, 6)}`,
    );

  // Participation: where ideas and votes come from, rolled up the team tree.
  const p = report.participation;
  heading('Participation', `${plural(p.authors, 'author')}, ${plural(p.voters, 'voter')}`);
  lines.push(
    c.dim(
      `  ${'team (with teams below)'.padEnd(28)} ${'ideas'.padStart(6)} ${'authors'.padStart(8)} ${'votes'.padStart(6)} ${'voters'.padStart(7)}  own ideas`,
    ),
  );
  const maxIdeas = Math.max(1, ...p.teams.map((row) => row.rolledUp.ideas));
  for (const row of p.teams) {
    const label = `${'  '.repeat(Math.min(row.depth, 4))}${s(row.team)}`;
    lines.push(
      `  ${pad(label, 28)} ${num(row.rolledUp.ideas, 6)} ${num(row.rolledUp.authors, 8)} ${num(row.rolledUp.votes, 6)} ${num(row.rolledUp.voters, 7)}  ${c.green(bar(row.own.ideas, maxIdeas, 12))}${c.dim(row.own.ideas ? ` ${row.own.ideas}` : '')}`.trimEnd(),
    );
  }
  lines.push(`  ${c.dim('share of ideas and votes by level of the team tree')}`);
  for (const level of p.levels) {
    const label = `${level.label}${level.frontLine ? ' front line' : ''}`;
    lines.push(
      `  ${pad(label, 19)} ideas ${percent(level.ideasShare).padStart(4)} ${c.green(bar(level.ideasShare ?? 0, 1, 10).padEnd(10))}  votes ${percent(level.votesShare).padStart(4)} ${c.magenta(bar(level.votesShare ?? 0, 1, 10).padEnd(10))} ${c.dim(fit(level.teams.join(', '), 12))}`.trimEnd(),
    );
  }
  const tr = report.trends;
  // Few months would make a sparkline a few characters wide: give each month up to 4 cells.
  const cells = Math.max(1, Math.min(4, Math.floor(36 / Math.max(1, tr.length))));
  const stretch = (spark: string) => [...spark].map((ch) => ch.repeat(cells)).join('');
  const newcomers = report.trends.map(
    (m) => p.newContributors.find((n) => n.month === m.month)?.count ?? 0,
  );
  if (report.trends.length > 0)
    lines.push(
      `  new contributors per month  ${c.green(stretch(sparkline(newcomers.slice(-36))))}  ${c.dim(`${newcomers.reduce((a, b) => a + b, 0)} in all`)}`,
    );

  // Trends: sparklines over the months, the last month's figure beside them.
  const first = tr[0];
  const last = tr.at(-1);
  heading('Trends', first && last ? `monthly, ${trendWindowLine(report)}` : 'no activity yet');
  if (tr.length > 0) {
    for (const [name, key] of [
      ['new ideas', 'ideas'],
      ['votes', 'votes'],
      ['decisions', 'decisions'],
    ] as const) {
      const values = tr.map((m) => m[key]);
      lines.push(
        `  ${name.padEnd(10)} ${c.cyan(stretch(sparkline(values)).padEnd(36))}  ${c.dim('this month')} ${num(values.at(-1) ?? 0, 3)}  ${c.dim('total')} ${num(
          values.reduce((a, b) => a + b, 0),
          4,
        )}`,
      );
    }
  }

  heading('Top ideas', `by ${report.top.model}`);
  if (report.top.ideas.length === 0) lines.push('  no open ideas');
  report.top.ideas.forEach((idea, index) => {
    const score = idea.score === null ? '–' : String(Math.round(idea.score * 100) / 100);
    lines.push(
      `  ${num(index + 1, 2)}. ${c.dim(pad(idea.id, 7))} ${pad(idea.title, 38)} ${num(score, 5)}  ${pad(idea.status, 11)} ${c.dim(fit(idea.team ?? '', 8))}`.trimEnd(),
    );
  });

  if (report.themes.length > 0) {
    heading('Themes', 'support rolled up from the ideas under each');
    for (const theme of report.themes.slice(0, LIST_LIMIT))
      lines.push(
        `  ${c.dim(pad(theme.id, 8))} ${pad(theme.title, 36)} ${num(theme.voters, 3)} voters  ${num(theme.ideas, 2)} ideas ${num(theme.delivered, 2)} ${fit(doneLabel(report), 10)}`,
      );
    more(report.themes.length);
  }

  if (report.campaigns.length > 0) {
    heading('Campaigns');
    for (const cp of report.campaigns) {
      const left =
        cp.state === 'open'
          ? c.green(`${plural(cp.daysLeft, 'day')} left`)
          : cp.state === 'closed'
            ? c.dim(`closed ${cp.closes}`)
            : c.dim(`opens ${cp.opens ?? ''}`);
      lines.push(
        `  ${c.bold(pad(cp.name, 24))} ${plural(cp.ideas, 'idea')}, ${plural(cp.votes, 'vote')} · ${left}`,
      );
      lines.push(`    ${c.dim(fit(cp.question, WIDTH - 4))}`);
    }
  }

  const r = report.review;
  heading('Waiting for a decision', `queue: ${fit(r.rule, 56)}`);
  if (r.queue.length === 0) lines.push('  the queue is empty');
  for (const w of r.queue.slice(0, LIST_LIMIT))
    lines.push(
      `  ${c.dim(pad(w.id, 8))} ${pad(w.title, 38)} ${pad(w.status, 10)} ${num(w.votes, 3)}▲ ${(w.stale ? c.yellow : c.dim)(`${w.waitingDays} d`.padStart(6))}`,
    );
  more(r.queue.length);
  lines.push(
    `  ${c.yellow(plural(r.stale.length, 'stale idea'))} ${c.dim(`(no decision for over ${r.staleAfterDays} days)`)}`,
  );
  for (const w of r.stale.slice(0, LIST_LIMIT))
    lines.push(
      `  ${c.dim(pad(w.id, 8))} ${pad(w.title, 38)} ${pad(w.status, 11)} ${c.yellow(`${w.waitingDays} d`.padStart(6))}`,
    );
  more(r.stale.length);
  if (r.reviewers.length > 0) {
    lines.push(
      c.dim(
        `  ${'reviewer'.padEnd(16)} ${'decisions'.padStart(9)} ${'open items'.padStart(11)}  last decision`,
      ),
    );
    for (const rv of r.reviewers)
      lines.push(
        `  ${pad(rv.reviewer, 16)} ${num(rv.decisions, 9)} ${num(rv.openItems, 11)}  ${rv.lastDecision ?? '–'}`,
      );
  }
  lines.push(`  ${c.dim(`author withdrawals (no reviewer needed): ${r.authorWithdrawals}`)}`);

  const pe = report.period;
  heading('This period against the last');
  for (const line of periodLines(report)) lines.push(`  ${c.dim(fit(line, WIDTH - 2))}`);
  lines.push(
    c.dim(
      `  ${''.padEnd(18)} ${'before'.padStart(8)} ${'this period'.padStart(12)} ${'change'.padStart(8)}`,
    ),
  );
  for (const [key, label] of PERIOD_FIGURES)
    lines.push(
      `  ${label.padEnd(18)} ${num(pe.previous[key], 8)} ${num(pe.current[key], 12)} ${num(change(pe.current[key], pe.previous[key]), 8)}`,
    );

  heading('Rising ideas', 'most new votes in this period');
  if (report.rising.length === 0) lines.push('  no new votes in this period');
  for (const r of report.rising.slice(0, LIST_LIMIT))
    lines.push(
      `  ${c.dim(pad(r.id, 8))} ${pad(r.title, 38)} ${c.green(`+${r.newVotes}`.padStart(4))} ${c.dim(`(${r.previousVotes} before)`.padEnd(12))} ${num(r.votes, 4)} votes`,
    );

  heading('Roadmap', 'open ideas past review; days in their stage');
  for (const stage of report.roadmap.stages) {
    lines.push(`  ${c.bold(s(stage.status))} ${c.dim(`(${stage.ideas.length})`)}`);
    for (const i of stage.ideas.slice(0, LIST_LIMIT))
      lines.push(
        `    ${c.dim(pad(i.id, 8))} ${pad(i.title, 38)} ${`${i.days} d`.padStart(6)} ${num(i.votes, 3)}▲ ${c.dim(fit(i.team ?? '', 12))}`.trimEnd(),
      );
    more(stage.ideas.length);
  }

  const people = report.people;
  heading('People', 'ideas and votes per person');
  lines.push(
    c.dim(`  ${'person'.padEnd(20)} ${'ideas'.padStart(6)} ${'votes'.padStart(6)}  last active`),
  );
  for (const row of people.contributors.slice(0, LIST_LIMIT))
    lines.push(
      `  ${pad(row.person, 20)} ${num(row.ideas, 6)} ${num(row.votes, 6)}  ${row.lastActive}  ${c.dim(fit(row.team ?? '', 16))}`.trimEnd(),
    );
  more(people.contributors.length);
  lines.push(
    `  ${c.yellow(plural(people.quiet.length, 'quiet person', 'quiet people'))} ${c.dim(`(${quietLine(report)})`)}`,
  );
  for (const row of people.quiet.slice(0, LIST_LIMIT))
    lines.push(
      `  ${pad(row.person, 20)} ${num(row.ideas, 6)} ${num(row.votes, 6)}  ${row.lastActive}  ${c.yellow(`${row.quietDays} d quiet`)}`,
    );
  more(people.quiet.length);

  heading('Customer demand', 'customers named in votes, the ideas they asked for');
  if (report.customers.length === 0) lines.push('  no vote names a customer');
  for (const account of report.customers.slice(0, LIST_LIMIT)) {
    lines.push(
      `  ${c.bold(fit(account.customer, 40))} ${c.dim(`· ${plural(account.votes, 'vote')} on ${plural(account.ideas.length, 'idea')}`)}`,
    );
    for (const i of account.ideas.slice(0, LIST_LIMIT))
      lines.push(`    ${c.dim(pad(i.id, 8))} ${pad(i.title, 44)} ${fit(i.status, 14)}`.trimEnd());
    if (account.ideas.length > LIST_LIMIT)
      lines.push(c.dim(`    … and ${account.ideas.length - LIST_LIMIT} more`));
  }
  more(report.customers.length);

  heading('Delivered and thanked', `${fit(doneLabel(report), 30)}: credit to who brought them`);
  if (report.delivered.length === 0) lines.push('  nothing delivered yet');
  for (const idea of report.delivered.slice(0, LIST_LIMIT)) {
    lines.push(`  ${c.green('✓')} ${c.bold(fit(idea.title, 62))} ${c.dim(idea.delivered)}`);
    lines.push(`    ${c.dim('by')} ${fit(idea.authors.join(', '), 70)}`);
    const backers = [
      idea.voters.length > 0 && `${plural(idea.voters.length, 'voter')}: ${idea.voters.join(', ')}`,
      idea.customers.length > 0 && `customers: ${idea.customers.join(', ')}`,
    ].filter(Boolean);
    if (backers.length > 0) lines.push(`    ${c.dim(fit(backers.join(' · '), WIDTH - 4))}`);
  }
  more(report.delivered.length);
  return `${lines.join('\n')}\n`;
}

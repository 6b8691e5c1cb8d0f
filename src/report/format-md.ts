/**
 * The report as GitHub-flavoured Markdown, for a wiki page or a pull-request comment: tables
 * first (they read anywhere), Mermaid charts where a shape says more than the numbers. Every
 * string from a file goes through escapeMarkdown; Mermaid gets only statuses and numbers.
 */
import type { ForgeLinks } from '../git/forge-url.js';
import { escapeMarkdown as e } from '../format/md-escape.js';
import type { Report } from './report.js';
import {
  datesLine,
  days,
  doneLabel,
  filtersLine,
  latencyLines,
  monthLabel,
  organisationOf,
  percent,
  plural,
  sparkline,
  trendWindowLine,
} from './format-common.js';
import { LIST_LIMIT, loopMarkdown, markdownTable, more } from './md-sections.js';

/** `links` from the edge (cli/forge-links.ts): each idea's id opens its file on the forge. */
export function formatReportMarkdown(report: Report, links?: ForgeLinks): string {
  const out: string[] = [];
  const table = (head: string[], rows: (string | number)[][], align?: string[]) =>
    out.push(...markdownTable(head, rows, align));
  // An id is letters and digits (validated); the filter keeps a broken one from breaking out.
  const link = (idea: { id: string; path: string }) => {
    const id = `\`${idea.id.replace(/[^a-z0-9]/g, '')}\``;
    return links ? `[${id}](${links.file(idea.path).replace(/[()]/g, encodeURIComponent)})` : id;
  };
  const t = report.totals;

  const organisation = organisationOf(report);
  out.push(`# Ideas report${organisation ? ` · ${e(organisation)}` : ''} — ${report.today}`, '');
  out.push(
    `${e(report.ref ? `At ${report.ref}` : 'Working tree')} · ${e(filtersLine(report))} · ${datesLine(report)}.`,
    '',
  );
  if (report.dates.note) out.push(`> [!NOTE]`, `> ${e(report.dates.note)}`, '');
  out.push(
    `**${plural(t.ideas, 'idea')}** · ${plural(t.themes, 'theme')} · ${t.delivered} ${e(doneLabel(report))} · **${plural(t.votes, 'vote')}** · ${plural(t.decisions, 'decision')} · ${plural(t.authors, 'author')} · ${plural(t.voters, 'voter')} · ${plural(t.customers, 'customer')} named`,
    '',
  );

  out.push('## Funnel', '');
  const stages = report.funnel.stages;
  table(
    ['stage', 'reached', 'now', 'on to next', 'left for'],
    stages.map((st) => [
      e(st.status),
      st.reached,
      st.current,
      st.conversion === null ? '' : percent(st.conversion),
      Object.entries(st.exits)
        .map(([to, n]) => `${n} ${e(to)}`)
        .join(', '),
    ]),
    ['---', '--:', '--:', '--:', '---'],
  );
  out.push(
    `Side exits now: ${report.funnel.exits.map((x) => `${e(x.status)} ${x.current}`).join(' · ') || 'none'}. From ${e(stages[0]?.status ?? '')} to ${e(doneLabel(report))}: **${percent(report.funnel.overall)}**.`,
    '',
  );
  out.push(
    '```mermaid',
    'xychart-beta',
    '    title "Ideas that reached each stage"',
    `    x-axis [${stages.map((st) => mermaidWord(st.status)).join(', ')}]`,
    `    y-axis "ideas" 0 --> ${Math.max(1, ...stages.map((st) => st.reached))}`,
    `    bar [${stages.map((st) => st.reached).join(', ')}]`,
    '```',
    '',
  );

  const l = report.latency;
  out.push('## Decision latency', '');
  for (const line of latencyLines(report)) out.push(`- ${e(line)}`);
  out.push('');
  table(
    ['arrival to', 'median', '90th percentile', 'ideas'],
    l.toStage.map((st) => [e(st.status), days(st.median), days(st.p90), st.count]),
    ['---', '--:', '--:', '--:'],
  );
  table(
    ['first decision after', 'ideas'],
    l.distribution.map((b) => [b.label, b.count]),
    ['---', '--:'],
  );
  table(
    ['time in stage', 'median', '90th percentile', 'moves'],
    l.stages.map((st) => [e(st.status), days(st.median), days(st.p90), st.count]),
    ['---', '--:', '--:', '--:'],
  );

  const p = report.participation;
  out.push('## Participation', '');
  out.push(
    `${plural(p.authors, 'author')} and ${plural(p.voters, 'voter')}. Figures for a team include the teams under it.`,
    '',
  );
  table(
    ['team', 'ideas', 'authors', 'votes', 'voters', 'own ideas'],
    p.teams.map((row) => [
      `${'&emsp;'.repeat(row.depth)}${e(row.name ?? row.team)}`,
      row.rolledUp.ideas,
      row.rolledUp.authors,
      row.rolledUp.votes,
      row.rolledUp.voters,
      row.own.ideas,
    ]),
    ['---', '--:', '--:', '--:', '--:', '--:'],
  );
  out.push('Where ideas and votes come from, by level of the team tree:', '');
  table(
    ['level', 'teams', 'share of ideas', 'share of votes'],
    p.levels.map((level) => [
      `${level.label}${level.frontLine ? ' (front line)' : ''}`,
      level.teams.map(e).join(', '),
      `${percent(level.ideasShare)} (${level.ideas})`,
      `${percent(level.votesShare)} (${level.votes})`,
    ]),
    ['---', '---', '--:', '--:'],
  );

  out.push('## Trends', '');
  if (report.trends.length === 0) out.push('No activity yet.', '');
  else {
    const recent = report.trends;
    out.push(`Monthly, ${e(trendWindowLine(report))}.`, '');
    const newcomers = (month: string) =>
      p.newContributors.find((n) => n.month === month)?.count ?? 0;
    table(
      ['month', 'new ideas', 'votes', 'decisions', 'new contributors'],
      recent.map((m) => [monthLabel(m.month), m.ideas, m.votes, m.decisions, newcomers(m.month)]),
      ['---', '--:', '--:', '--:', '--:'],
    );
    out.push(
      `New ideas ${sparkline(recent.map((m) => m.ideas))} · votes ${sparkline(recent.map((m) => m.votes))} · decisions ${sparkline(recent.map((m) => m.decisions))}`,
      '',
    );
    out.push(
      '```mermaid',
      'xychart-beta',
      '    title "Votes per month"',
      `    x-axis [${recent.map((m) => monthLabel(m.month, false)).join(', ')}]`,
      `    y-axis "votes" 0 --> ${Math.max(1, ...recent.map((m) => m.votes))}`,
      `    bar [${recent.map((m) => m.votes).join(', ')}]`,
      `    line [${recent.map((m) => m.votes).join(', ')}]`,
      '```',
      '',
    );
  }

  out.push(`## Top ideas by ${e(report.top.model)}`, '');
  if (report.top.ideas.length === 0) out.push('No open ideas.', '');
  else
    table(
      ['#', 'idea', 'title', 'status', 'team', 'score', 'votes'],
      report.top.ideas.map((idea, i) => [
        i + 1,
        link(idea),
        e(idea.title),
        e(idea.status),
        e(idea.team ?? ''),
        idea.score === null ? '–' : Math.round(idea.score * 100) / 100,
        idea.votes,
      ]),
      ['--:', '---', '---', '---', '---', '--:', '--:'],
    );

  if (report.themes.length > 0) {
    out.push('## Themes', '', 'Support rolled up from every idea under the theme.', '');
    table(
      ['theme', 'title', 'ideas', 'open', e(doneLabel(report)), 'voters', 'points'],
      report.themes.map((th) => [
        link(th),
        e(th.title),
        th.ideas,
        th.open,
        th.delivered,
        th.voters,
        th.points,
      ]),
      ['---', '---', '--:', '--:', '--:', '--:', '--:'],
    );
  }

  if (report.campaigns.length > 0) {
    out.push('## Campaigns', '');
    table(
      ['campaign', 'question', 'ideas', 'votes', 'closes', 'time left'],
      report.campaigns.map((cp) => [
        e(cp.name),
        e(cp.question),
        cp.ideas,
        cp.votes,
        cp.closes,
        cp.state === 'open'
          ? plural(cp.daysLeft, 'day')
          : cp.state === 'closed'
            ? 'closed'
            : `opens ${cp.opens ?? ''}`,
      ]),
      ['---', '---', '--:', '--:', '---', '--:'],
    );
  }

  const r = report.review;
  out.push('## Waiting for a decision', '');
  out.push(
    `The queue holds ${e(r.rule)}, oldest first. An idea is stale after ${r.staleAfterDays} days without a decision.`,
    '',
  );
  const waitingRows = (list: Report['review']['queue']) =>
    list
      .slice(0, LIST_LIMIT)
      .map((w) => [
        link(w),
        e(w.title),
        e(w.status),
        w.votes,
        `${w.waitingDays} d${w.stale ? ' ⚠️' : ''}`,
      ]);
  const waitingAlign = ['---', '---', '---', '--:', '--:'];
  if (r.queue.length === 0) out.push('The queue is empty.', '');
  else {
    table(['idea', 'title', 'status', 'votes', 'waiting'], waitingRows(r.queue), waitingAlign);
    out.push(...more(r.queue.length));
  }
  out.push(`### ${plural(r.stale.length, 'stale idea')}`, '');
  if (r.stale.length > 0) {
    table(['idea', 'title', 'status', 'votes', 'waiting'], waitingRows(r.stale), waitingAlign);
    out.push(...more(r.stale.length));
  }
  if (r.reviewers.length > 0) {
    out.push('### Reviewer load', '');
    table(
      ['reviewer', 'decisions', 'open items', 'last decision'],
      r.reviewers.map((rv) => [e(rv.reviewer), rv.decisions, rv.openItems, rv.lastDecision ?? '–']),
      ['---', '--:', '--:', '---'],
    );
  }
  out.push(`Author withdrawals (no reviewer needed): ${r.authorWithdrawals}.`, '');

  out.push(...loopMarkdown(report, link));

  out.push(`## Delivered and thanked (${e(doneLabel(report))})`, '');
  if (report.delivered.length === 0) out.push('Nothing delivered yet.', '');
  else
    table(
      [e(doneLabel(report)), 'idea', 'by', 'backed by', 'customers'],
      report.delivered
        .slice(0, LIST_LIMIT)
        .map((s) => [
          s.delivered,
          `${link(s)} ${e(s.title)}`,
          s.authors.map(e).join(', '),
          s.voters.map(e).join(', '),
          s.customers.map(e).join(', '),
        ]),
    );
  out.push(...more(report.delivered.length));
  out.push(`<sub>Generated by \`ideas report\` on ${report.today}.</sub>`, '');
  return out.join('\n');
}

/** Mermaid has its own grammar: keep only characters that cannot break out of a label. */
function mermaidWord(text: string): string {
  return text.replace(/[^A-Za-z0-9 _-]/g, '') || '-';
}

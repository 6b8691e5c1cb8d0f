/**
 * The report as ONE self-contained HTML page a lead can mail around or open from CI artifacts:
 * no script at all, no network (no CDN, no web font), one inline stylesheet allowed by its hash
 * in the Content-Security-Policy, charts as inline SVG with a table of the same figures behind
 * each. Light and dark follow the reader's system; print drops the chrome.
 * Every string from a file goes through escapeHtml.
 */
import { createHash } from 'node:crypto';
import { escapeHtml as h } from '../format/html-escape.js';
import type { Report, WaitingIdea } from './report.js';
import {
  datesLine,
  days,
  filtersLine,
  monthLabel,
  organisationOf,
  percent,
  plural,
  doneLabel,
  latencyLines,
  trendWindowLine,
} from './format-common.js';
import { columnChart, funnelChart, monthlyChart, shareChart, teamChart } from './svg.js';

const LIST_LIMIT = 12;

export function formatReportHtml(report: Report): string {
  const css = STYLE;
  const styleHash = createHash('sha256').update(css, 'utf8').digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const t = report.totals;
  const l = report.latency;
  const r = report.review;
  const p = report.participation;
  const stages = report.funnel.stages;
  const scope = `${report.ref ? `at ${report.ref}` : 'working tree'} · ${filtersLine(report)}`;

  const frontLine = p.levels.find((x) => x.frontLine);
  const organisation = organisationOf(report);
  const kpis = [
    kpi(String(t.ideas), 'ideas', `${plural(t.themes, 'theme')} besides`),
    kpi(String(t.votes), 'votes', `from ${plural(t.voters, 'voter')}`),
    kpi(String(t.authors), 'authors', `${plural(t.customers, 'customer')} named in votes`),
    ...(frontLine
      ? [
          kpi(
            percent(frontLine.ideasShare),
            'of ideas from the front line',
            `and ${percent(frontLine.votesShare)} of votes`,
          ),
        ]
      : []),
    kpi(
      days(l.firstDecision.median).replace(' ', '\u00a0'),
      'median time to a first decision',
      `90th percentile ${days(l.firstDecision.p90).replace(' ', '\u00a0')}`,
    ),
    kpi(
      percent(report.funnel.overall),
      `of ideas reach ${doneLabel(report)}`,
      `${plural(report.totals.delivered, 'idea')} delivered`,
    ),
    kpi(
      String(r.stale.length),
      'stale ideas',
      `no decision for ${r.staleAfterDays}+ days`,
      r.stale.length > 0 ? 'warn' : '',
    ),
  ].join('');

  const funnel = section(
    'funnel',
    'Funnel',
    'How far ideas get along the main line, and where they leave it.',
    funnelChart(
      {
        id: 'chart-funnel',
        title: 'Ideas that reached each stage',
        description: stages
          .map(
            (s) =>
              `${s.reached} reached ${s.status}${s.conversion === null ? '' : `, ${percent(s.conversion)} went on`}`,
          )
          .join('; '),
      },
      stages.map((s) => ({
        label: s.status,
        value: s.reached,
        note: `${s.current} now${exitCount(s.exits) ? ` · ${exitCount(s.exits)} out` : ''}`,
        conversion: s.conversion === null ? '' : `↓ ${percent(s.conversion)}`,
      })),
    ) +
      table(
        'Funnel stages',
        ['stage', 'reached', 'now', 'on to next', 'left for'],
        stages.map((s) => [
          h(s.status),
          num(s.reached),
          num(s.current),
          num(s.conversion === null ? '' : percent(s.conversion)),
          Object.entries(s.exits)
            .map(([to, n]) => `<span class="nw">${n} ${h(to)}</span>`)
            .join(', '),
        ]),
      ) +
      `<p class="small">Out of the main line now: ${report.funnel.exits.map((x) => `${h(x.status)} <b>${x.current}</b>`).join(' · ') || 'none'}.</p>`,
  );

  const latency = section(
    'latency',
    'Decision latency',
    `<ul>${latencyLines(report)
      .map((line) => `<li>${h(line)}</li>`)
      .join('')}</ul>`,
    columnChart(
      {
        id: 'chart-latency',
        title: 'Time to a first decision',
        description: `${l.distribution.map((b) => `${b.count} ideas in ${b.label}`).join('; ')}. Median ${days(l.firstDecision.median)}, 90th percentile ${days(l.firstDecision.p90)}.`,
      },
      l.distribution.map((b) => ({
        label: b.max === null ? `${b.min - 1}+ d` : `${b.min}–${b.max} d`,
        value: b.count,
      })),
    ) +
      table(
        'Days from arrival to each stage of the main line',
        ['stage', 'median', '90th percentile', 'ideas'],
        l.toStage.map((s) => [h(s.status), num(days(s.median)), num(days(s.p90)), num(s.count)]),
      ) +
      table(
        'Time spent in each stage before the next decision',
        ['stage', 'median', '90th percentile', 'moves'],
        l.stages.map((s) => [h(s.status), num(days(s.median)), num(days(s.p90)), num(s.count)]),
      ),
  );

  const months = report.trends;
  const trends = section(
    'trends',
    'Monthly trends',
    months.length > 0
      ? `New ideas, votes and decisions per month, ${h(trendWindowLine(report))}.`
      : 'No activity yet.',
    months.length === 0
      ? ''
      : monthlyChart(
          {
            id: 'chart-trends',
            title: 'New ideas, votes and decisions per month',
            description: months
              .map(
                (m) =>
                  `${monthLabel(m.month)}: ${m.ideas} ideas, ${m.votes} votes, ${m.decisions} decisions`,
              )
              .join('; '),
          },
          months.map((m) => monthLabel(m.month, false)),
          [
            { label: 'new ideas', values: months.map((m) => m.ideas), cls: 'c-ideas' },
            { label: 'votes', values: months.map((m) => m.votes), cls: 'c-votes' },
            { label: 'decisions', values: months.map((m) => m.decisions), cls: 'c-decisions' },
          ],
        ) +
          table(
            'Per month',
            ['month', 'new ideas', 'votes', 'decisions', 'new contributors'],
            months.map((m) => [
              monthLabel(m.month),
              num(m.ideas),
              num(m.votes),
              num(m.decisions),
              num(p.newContributors.find((n) => n.month === m.month)?.count ?? 0),
            ]),
          ),
  );

  const teamName = (row: { team: string; name: string | null }) => row.name ?? row.team;
  const participation = section(
    'participation',
    'Participation by team',
    `${plural(p.authors, 'author')} and ${plural(p.voters, 'voter')}. A team's figures include the teams under it.`,
    teamChart(
      {
        id: 'chart-teams',
        title: 'Ideas and votes by team, sub-teams included',
        description: p.teams
          .map(
            (row) => `${teamName(row)}: ${row.rolledUp.ideas} ideas, ${row.rolledUp.votes} votes`,
          )
          .join('; '),
      },
      p.teams.map((row) => ({
        label: teamName(row),
        depth: row.depth,
        ideas: row.rolledUp.ideas,
        votes: row.rolledUp.votes,
      })),
    ) +
      `<h3>Where ideas come from</h3><p class="small">Share of ideas and votes by level of the team tree${p.levels.some((x) => x.frontLine) ? '; the deepest level is the front line' : ''}.</p>` +
      shareChart(
        {
          id: 'chart-levels',
          title: 'Share of ideas and votes by level of the team tree',
          description: p.levels
            .map(
              (x) =>
                `${x.label}${x.frontLine ? ' (front line)' : ''}: ${percent(x.ideasShare)} of ideas, ${percent(x.votesShare)} of votes`,
            )
            .join('; '),
        },
        p.levels.map((x) => ({
          label: x.frontLine ? 'front line' : x.level === 0 ? 'top' : x.label,
          ideas: x.ideas,
          votes: x.votes,
        })),
      ) +
      table(
        'Teams',
        ['team', 'ideas', 'authors', 'votes', 'voters', 'own ideas'],
        p.teams.map((row) => [
          `<span class="indent d${Math.min(row.depth, 4)}">${h(teamName(row))}</span>`,
          num(row.rolledUp.ideas),
          num(row.rolledUp.authors),
          num(row.rolledUp.votes),
          num(row.rolledUp.voters),
          num(row.own.ideas),
        ]),
      ) +
      table(
        'Levels',
        ['level', 'teams', 'ideas', 'votes'],
        p.levels.map((x) => [
          `${h(x.label)}${x.frontLine ? ' <span class="tag">front line</span>' : ''}`,
          h(x.teams.join(', ')),
          num(`${percent(x.ideasShare)} (${x.ideas})`),
          num(`${percent(x.votesShare)} (${x.votes})`),
        ]),
      ),
  );

  const maxVotes = Math.max(1, ...report.top.ideas.map((i) => i.votes));
  const top = section(
    'top',
    `Top ideas`,
    `Open ideas ranked by <b>${h(report.top.model)}</b>.`,
    report.top.ideas.length === 0
      ? '<p>No open ideas.</p>'
      : table(
          'Top ideas',
          ['#', 'idea', 'status', 'team', 'score', 'votes'],
          report.top.ideas.map((idea, i) => [
            num(i + 1),
            ideaCell(idea),
            status(idea.status, report.lifecycle),
            h(idea.team ?? ''),
            num(idea.score === null ? '–' : String(Math.round(idea.score * 100) / 100)),
            `<span class="votes"><meter min="0" max="${maxVotes}" value="${idea.votes}">${idea.votes}</meter> ${idea.votes}</span>`,
          ]),
        ),
  );

  const themes =
    report.themes.length === 0
      ? ''
      : section(
          'themes',
          'Themes',
          'Support rolled up from every idea under each theme.',
          table(
            'Themes',
            ['theme', 'ideas', 'open', doneLabel(report), 'voters', 'points'],
            report.themes.map((th) => [
              ideaCell(th),
              num(th.ideas),
              num(th.open),
              num(th.delivered),
              num(th.voters),
              num(th.points),
            ]),
          ),
        );

  const campaigns =
    report.campaigns.length === 0
      ? ''
      : section(
          'campaigns',
          'Campaigns',
          'Questions put to everyone, with a deadline.',
          `<ul class="cards">${report.campaigns
            .map(
              (c) =>
                `<li class="card"><div class="card-head"><b>${h(c.name)}</b> <span class="tag ${c.state}">${
                  c.state === 'open'
                    ? `${plural(c.daysLeft, 'day')} left`
                    : c.state === 'closed'
                      ? `closed ${h(c.closes)}`
                      : `opens ${h(c.opens ?? '')}`
                }</span></div><p>${h(c.question)}</p><p class="small">${plural(c.ideas, 'idea')} · ${plural(c.votes, 'vote')} from ${plural(c.voters, 'voter')} · closes ${h(c.closes)}</p></li>`,
            )
            .join('')}</ul>`,
        );

  const waitingRows = (list: WaitingIdea[]) =>
    list
      .slice(0, LIST_LIMIT)
      .map((w) => [
        ideaCell(w),
        status(w.status, report.lifecycle),
        num(w.votes),
        `<span class="num${w.stale ? ' stale' : ''}">${w.waitingDays} d</span>`,
      ]);
  const more = (n: number) =>
    n > LIST_LIMIT
      ? `<p class="small">… and ${n - LIST_LIMIT} more: <code>ideas report --format json</code> lists all.</p>`
      : '';
  const review = section(
    'review',
    'Waiting for a decision',
    `The queue holds ideas in review and proposed ideas with ${r.threshold} or more votes, oldest first. An idea is stale after ${r.staleAfterDays} days without a decision.`,
    `<div class="split"><div><h3>Queue <span class="count">${r.queue.length}</span></h3>${
      r.queue.length === 0
        ? '<p>The queue is empty.</p>'
        : table('Review queue', ['idea', 'status', 'votes', 'waiting'], waitingRows(r.queue))
    }${more(r.queue.length)}</div><div><h3>Stale <span class="count warn">${r.stale.length}</span></h3>${
      r.stale.length === 0
        ? '<p>Nothing is stale.</p>'
        : table('Stale ideas', ['idea', 'status', 'votes', 'waiting'], waitingRows(r.stale))
    }${more(r.stale.length)}</div></div>` +
      (r.reviewers.length === 0
        ? ''
        : `<h3>Reviewer load</h3>${table(
            'Reviewer load',
            ['reviewer', 'decisions', 'open items', 'last decision'],
            r.reviewers.map((rv) => [
              h(rv.reviewer),
              num(rv.decisions),
              num(rv.openItems),
              h(rv.lastDecision ?? '–'),
            ]),
          )}`),
  );

  const delivered = section(
    'delivered',
    'Delivered and thanked',
    `Ideas now ${h(doneLabel(report))}: credit goes back to the people who brought and backed them.`,
    report.delivered.length === 0
      ? '<p>Nothing delivered yet.</p>'
      : `<ul class="cards">${report.delivered
          .slice(0, LIST_LIMIT)
          .map(
            (s) =>
              `<li class="card delivered"><div class="card-head"><b>${h(s.title)}</b> <span class="tag">${h(s.delivered)}</span></div><p class="small"><span class="id">${h(s.id)}</span>${s.team ? ` · ${h(s.team)}` : ''}</p><p>Brought by ${people(s.authors)}</p>${
                s.voters.length > 0 ? `<p class="small">Backed by ${people(s.voters)}</p>` : ''
              }${s.customers.length > 0 ? `<p class="small">For ${s.customers.map((c) => `<span class="tag">${h(c)}</span>`).join(' ')}</p>` : ''}</li>`,
          )
          .join('')}</ul>${more(report.delivered.length)}`,
  );

  const note = report.dates.note ? `<p class="notice" role="note">${h(report.dates.note)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="ideas report">
<title>Ideas report${organisation ? ` · ${h(organisation)}` : ''} — ${h(report.today)}</title>
<style>${css}</style>
</head>
<body>
<header>
<div class="wrap">
<h1>Ideas report${organisation ? ` <span class="org">· ${h(organisation)}</span>` : ''}</h1>
<p class="sub">${h(report.today)} · ${h(scope)} · ${h(datesLine(report))}</p>
${note}
<div class="kpis">${kpis}</div>
<nav aria-label="Sections"><a href="#funnel">Funnel</a><a href="#latency">Latency</a><a href="#participation">Participation</a><a href="#trends">Trends</a><a href="#top">Top ideas</a>${report.themes.length ? '<a href="#themes">Themes</a>' : ''}${report.campaigns.length ? '<a href="#campaigns">Campaigns</a>' : ''}<a href="#review">Waiting</a><a href="#delivered">Delivered</a></nav>
</div>
</header>
<main class="wrap grid">
${funnel}
${latency}
${participation}
${trends}
${top}
${themes}
${campaigns}
${review}
${delivered}
</main>
<footer class="wrap small">Generated by <code>ideas report --format html</code> on ${h(report.today)}. Every figure is also in <code>ideas report --format json</code>.</footer>
</body>
</html>
`;
}

function exitCount(exits: Record<string, number>): number {
  return Object.values(exits).reduce((a, b) => a + b, 0);
}

function kpi(value: string, label: string, detail: string, cls = ''): string {
  return `<div class="kpi ${cls}"><div class="kpi-value">${h(value)}</div><div class="kpi-label">${h(label)}</div><div class="kpi-detail">${h(detail)}</div></div>`;
}

function section(id: string, title: string, lead: string, body: string): string {
  return `<section id="${id}" class="panel" aria-labelledby="${id}-h"><h2 id="${id}-h">${h(title)}</h2><p class="lead">${lead}</p>${body}</section>`;
}

/** Cells are HTML already escaped by the caller; `num` marks right-aligned figures. */
function table(caption: string, head: string[], rows: string[][], cls = ''): string {
  return `<div class="table"><table${cls ? ` class="${cls}"` : ''}><caption>${h(caption)}</caption><thead><tr>${head
    .map((cell) => `<th scope="col">${h(cell)}</th>`)
    .join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

function num(value: number | string): string {
  return `<span class="num">${h(String(value))}</span>`;
}

function ideaCell(idea: { id: string; title: string }): string {
  return `<span class="id">${h(idea.id)}</span> ${h(idea.title)}`;
}

/** A status badge coloured by its role in the lifecycle, never by its name. */
function status(value: string, lifecycle: Report['lifecycle']): string {
  const role = lifecycle.done.includes(value)
    ? 'st-done'
    : lifecycle.closed.includes(value)
      ? 'st-closed'
      : lifecycle.main.indexOf(value) > 0
        ? 'st-main'
        : 'st-open';
  return `<span class="status ${role}">${h(value)}</span>`;
}

function people(handles: string[]): string {
  return handles.map((who) => `<span class="person">${h(who)}</span>`).join(', ');
}

const STYLE = `
:root{--bg:#f6f7f9;--panel:#fff;--ink:#1b2330;--muted:#5b6575;--line:#e3e6eb;--accent:#0f766e;
--ideas:#2563eb;--votes:#8b5cf6;--decisions:#d97706;--latency:#0d9488;--warn:#c2410c;--ok:#15803d;
--s0:#1e3a8a;--s1:#1d4ed8;--s2:#2563eb;--s3:#3b82f6;--s4:#60a5fa;--s5:#15803d;--s6:#16a34a;
--l0:#1e3a8a;--l1:#3b82f6;--l2:#0d9488;--l3:#f59e0b;--l4:#9ca3af;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0f141b;--panel:#171e28;--ink:#e6e9ee;--muted:#9aa4b2;--line:#2a3340;
--accent:#2dd4bf;--ideas:#60a5fa;--votes:#a78bfa;--decisions:#fbbf24;--latency:#2dd4bf;--warn:#fb923c;--ok:#4ade80;
--s0:#93c5fd;--s1:#60a5fa;--s2:#3b82f6;--s3:#2563eb;--s4:#1d4ed8;--s5:#22c55e;--s6:#4ade80;
--l0:#93c5fd;--l1:#3b82f6;--l2:#2dd4bf;--l3:#fbbf24;--l4:#6b7280}svg.chart text.inbar{fill:#0f141b}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap{max-width:1240px;margin:0 auto;padding:0 20px}
header{background:var(--panel);border-bottom:1px solid var(--line);padding:22px 0 0;margin-bottom:22px}
h1{margin:0;font-size:1.7rem;letter-spacing:-.01em}
.org{color:var(--muted);font-weight:500}
h2{margin:0 0 4px;font-size:1.15rem}
h3{margin:18px 0 6px;font-size:1rem}
.sub,.small,.lead,.kpi-detail,.kpi-label,footer{color:var(--muted)}
.sub{margin:4px 0 14px}
.small{font-size:.85rem}
.lead{margin:0 0 12px}
.lead b{color:var(--ink)}
.notice{border-left:4px solid var(--warn);background:color-mix(in srgb,var(--warn) 10%,transparent);padding:8px 12px;border-radius:4px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px;margin:6px 0 14px}
.kpi{background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.kpi-value{font-size:1.7rem;font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums}
.kpi-label{font-weight:600;color:var(--ink);font-size:.9rem}
.kpi-detail{font-size:.8rem}
.kpi.warn .kpi-value{color:var(--warn)}
nav{display:flex;gap:4px;flex-wrap:wrap;padding-bottom:10px}
nav a{color:var(--accent);text-decoration:none;padding:4px 10px;border-radius:999px;font-size:.9rem}
nav a:hover{background:var(--bg)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,540px),1fr));gap:20px;align-items:start}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:12px;padding:18px 20px;min-width:0}
#review,#delivered,#top{grid-column:1/-1}
.chart{width:100%;height:auto;display:block;margin:4px 0 10px}
.chart text{fill:var(--ink);font:13px system-ui,sans-serif}
.chart .note,.chart .conv{fill:var(--muted);font-size:12px}
.chart .value{font-weight:600}
.chart .small{font-size:11px}
.chart .strong{font-weight:600}
.chart .inbar{fill:#fff;font-size:12px;font-weight:600}
.chart .axis{stroke:var(--line);stroke-width:1}
.bar{fill:var(--accent)}
.s0{fill:var(--s0)}.s1{fill:var(--s1)}.s2{fill:var(--s2)}.s3{fill:var(--s3)}.s4{fill:var(--s4)}.s5{fill:var(--s5)}.s6{fill:var(--s6)}
.l0{fill:var(--l0)}.l1{fill:var(--l1)}.l2{fill:var(--l2)}.l3{fill:var(--l3)}.l4{fill:var(--l4)}
.c-ideas{fill:var(--ideas)}.c-votes{fill:var(--votes)}.c-decisions{fill:var(--decisions)}.c-latency{fill:var(--latency)}
.table{overflow-x:auto;margin:8px 0}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;padding:4px 0}
th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-size:.8rem;color:var(--muted);font-weight:600}
td:has(> .num){text-align:right}
.num{font-variant-numeric:tabular-nums;white-space:nowrap}
.stale{color:var(--warn);font-weight:600}
.id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem;color:var(--muted)}
.status,.tag{display:inline-block;padding:1px 8px;border-radius:999px;font-size:.78rem;background:var(--bg);border:1px solid var(--line);white-space:nowrap}
.st-done,.tag.open{color:var(--ok);border-color:var(--ok)}
.st-closed{color:var(--muted)}
.st-main{color:var(--ideas);border-color:var(--ideas)}
.count{display:inline-block;min-width:1.6em;text-align:center;border-radius:999px;background:var(--bg);border:1px solid var(--line);font-size:.8rem;padding:0 6px}
.count.warn{color:var(--warn);border-color:var(--warn)}
.indent.d1{padding-left:1em}.indent.d2{padding-left:2em}.indent.d3{padding-left:3em}.indent.d4{padding-left:4em}
.votes{display:inline-flex;align-items:center;gap:6px;justify-content:flex-end;width:100%}
meter{width:80px;height:10px}
.split{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,420px),1fr));gap:20px}
.cards{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,300px),1fr));gap:12px}
.card{border:1px solid var(--line);border-radius:10px;padding:12px 14px;background:var(--bg)}
.card p{margin:6px 0 0}
.card-head{display:flex;justify-content:space-between;gap:8px;align-items:flex-start}
.card.delivered{border-left:4px solid var(--ok)}
.person{font-weight:600}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
footer{padding:24px 20px 40px}
.nw,th{white-space:nowrap}
@media (max-width:600px){th,td{padding:5px 5px}table{font-size:.85rem}.chart text{font-size:15px}.chart .small,.chart .note,.chart .conv{font-size:13px}body{font-size:14px}.wrap{padding:0 12px}.panel{padding:14px}.kpis{grid-template-columns:repeat(2,1fr)}.kpi-value{font-size:1.4rem}}
@media print{:root{--bg:#fff;--panel:#fff;--ink:#000;--muted:#444;--line:#ccc}body{background:#fff;font-size:11pt}
header{border:0;margin:0}nav{display:none}.grid{display:block}.panel{border:0;padding:0;margin:0 0 18pt;break-inside:avoid-page}
.table{overflow:visible}a{color:inherit}}
`;

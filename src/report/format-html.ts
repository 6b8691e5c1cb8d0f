/**
 * The report as ONE self-contained HTML page a lead can mail around or open from CI artifacts:
 * no script at all, no network (no CDN, no web font), one inline stylesheet allowed by its hash
 * in the Content-Security-Policy, charts as inline SVG with a table of the same figures behind
 * each. Light and dark follow the reader's system; print drops the chrome.
 * Every string from a file goes through escapeHtml.
 */
import { createHash } from 'node:crypto';
import type { ForgeLinks } from '../git/forge-url.js';
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
import { REPORT_STYLE } from './html-style.js';
import {
  exitCount,
  ideaCell,
  kpi,
  longTable,
  num,
  people,
  section,
  status,
  table,
  withMore,
} from './html-parts.js';
import { loopSections, LIST_LIMIT } from './html-sections.js';

/** `links` from the edge (cli/forge-links.ts): each idea's title opens its file on the forge. */
export function formatReportHtml(report: Report, links?: ForgeLinks): string {
  const cell = (idea: { id: string; title: string; path: string }) => ideaCell(idea, links?.file);
  const css = REPORT_STYLE;
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
          [
            '#',
            { label: 'idea', title: true },
            { label: 'status', wide: true },
            { label: 'team', wide: true },
            'score',
            'votes',
          ],
          report.top.ideas.map((idea, i) => [
            num(i + 1),
            cell(idea),
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
            [
              { label: 'theme', title: true },
              { label: 'ideas', wide: true },
              { label: 'open', wide: true },
              doneLabel(report),
              'voters',
              { label: 'points', wide: true },
            ],
            report.themes.map((th) => [
              cell(th),
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
    list.map((w) => [
      cell(w),
      status(w.status, report.lifecycle),
      num(w.votes),
      `<span class="num${w.stale ? ' stale' : ''}">${w.waitingDays} d</span>`,
    ]);
  const waitingHead = [
    { label: 'idea', title: true },
    { label: 'status', wide: true },
    'votes',
    'waiting',
  ];
  const review = section(
    'review',
    'Waiting for a decision',
    `The queue holds ideas in review and proposed ideas with ${r.threshold} or more votes, oldest first. An idea is stale after ${r.staleAfterDays} days without a decision.`,
    `<div class="split"><div><h3>Queue <span class="count">${r.queue.length}</span></h3>${
      r.queue.length === 0
        ? '<p>The queue is empty.</p>'
        : longTable('Review queue', waitingHead, waitingRows(r.queue), LIST_LIMIT)
    }</div><div><h3>Stale <span class="count warn">${r.stale.length}</span></h3>${
      r.stale.length === 0
        ? '<p>Nothing is stale.</p>'
        : longTable('Stale ideas', waitingHead, waitingRows(r.stale), LIST_LIMIT)
    }</div></div>` +
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
      : withMore(
          report.delivered.map(
            (s) =>
              `<li class="card delivered"><div class="card-head"><b>${links ? `<a href="${h(links.file(s.path))}">${h(s.title)}</a>` : h(s.title)}</b> <span class="tag">${h(s.delivered)}</span></div><p class="small"><span class="id">${h(s.id)}</span>${s.team ? ` · ${h(s.team)}` : ''}</p><p>Brought by ${people(s.authors)}</p>${
                s.voters.length > 0 ? `<p class="small">Backed by ${people(s.voters)}</p>` : ''
              }${s.customers.length > 0 ? `<p class="small">For ${s.customers.map((c) => `<span class="tag">${h(c)}</span>`).join(' ')}</p>` : ''}</li>`,
          ),
          LIST_LIMIT,
          (items) => `<ul class="cards">${items.join('')}</ul>`,
        ),
  );

  const loop = loopSections(report, cell);
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
<nav aria-label="Sections"><a href="#funnel">Funnel</a><a href="#latency">Latency</a><a href="#participation">Participation</a><a href="#trends">Trends</a><a href="#top">Top ideas</a>${report.themes.length ? '<a href="#themes">Themes</a>' : ''}${report.campaigns.length ? '<a href="#campaigns">Campaigns</a>' : ''}<a href="#review">Waiting</a><a href="#period">Period</a><a href="#roadmap">Roadmap</a><a href="#people">People</a><a href="#customers">Customers</a><a href="#delivered">Delivered</a></nav>
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
${loop.period}
${loop.rising}
${loop.roadmap}
${loop.people}
${loop.customers}
${delivered}
</main>
<footer class="wrap small">Generated by <code>ideas report --format html</code> on ${h(report.today)}. Every figure is also in <code>ideas report --format json</code>.</footer>
</body>
</html>
`;
}

/** The home page: what is rising, what was decided lately, the roadmap by stage, and the ways in. */
import type { RoadmapStage } from '../report/roadmap.js';
import { escapeHtml as h } from '../format/html-escape.js';
import { plural } from '../report/format-common.js';
import type { RankedIdea } from '../rank/rank.js';
import type { Report } from '../report/report.js';
import type { Decision, Idea } from '../model/types.js';
import { themeList } from './group-pages.js';
import { campaignHref, ideaLink, ideaList, section, statusBadge, teamHref } from './html.js';

export interface HomeInput {
  siteName: string;
  report: Report;
  rising: RankedIdea[];
  recent: { decision: Decision; idea: Idea }[];
  roadmap: RoadmapStage[];
  teams: ReadonlySet<string>;
}

const ROADMAP_LIMIT = 8;
/** Themes on the home page; themes.html lists them all. */
export const THEMES_PREVIEW = 20;

export function homePage(input: HomeInput): string {
  const { report } = input;
  const t = report.totals;
  const intro = `<div class="hero">
<h1>${h(input.siteName)}</h1>
<p class="lead">Ideas from everyone, decided in the open. Browse and search them, back the ones you believe in, or bring your own: each vote and idea becomes a pull request that a reviewer merges.</p>
<p class="figures">${plural(t.ideas, 'idea')} · ${plural(t.votes, 'vote')} from ${plural(t.voters, 'voter')} · ${plural(t.decisions, 'decision')}</p>
<p><a class="button" href="propose.html">Propose an idea</a> <a class="button secondary" href="report.html">Read the report</a></p>
</div>`;

  const rising = section(
    'rising',
    'Rising',
    ideaList(
      input.rising.map((r) => ({
        idea: r.idea,
        status: r.status,
        note: `${plural(r.votes, 'voter')}`,
      })),
      '',
      'No open idea has votes yet.',
    ),
    'Open ideas gaining support fastest: recent votes weigh most.',
  );

  const recent = section(
    'decided',
    'Recently decided',
    input.recent.length === 0
      ? '<p class="muted">No decision yet.</p>'
      : `<ul class="ideas">${input.recent
          .map(
            ({ decision, idea }) =>
              `<li><span class="title">${ideaLink('', idea)}</span> ${statusBadge(decision.status)} <span class="note"><time datetime="${h(decision.date)}">${h(decision.date)}</time></span>${
                decision.rationale.trim()
                  ? `<p class="small">${h(firstLine(decision.rationale))}</p>`
                  : ''
              }</li>`,
          )
          .join('')}</ul>`,
  );

  const roadmap = section(
    'roadmap',
    'Roadmap',
    `<div class="stages">${input.roadmap
      .map(
        (stage) =>
          `<section class="stage" aria-labelledby="stage-${h(stage.status)}"><h3 id="stage-${h(stage.status)}">${h(stage.status)} <span class="count">${stage.ideas.length}</span></h3>${
            stage.ideas.length === 0
              ? '<p class="muted small">Nothing here now.</p>'
              : `<ul class="ideas compact">${stage.ideas
                  .slice(0, ROADMAP_LIMIT)
                  .map(
                    (e) =>
                      `<li>${ideaLink('', e)} <span class="note">${plural(e.days, 'day')}</span></li>`,
                  )
                  .join(
                    '',
                  )}</ul>${stage.ideas.length > ROADMAP_LIMIT ? `<p class="small"><a href="search.html?q=${encodeURIComponent(`status:${stage.status}`)}">All ${stage.ideas.length} ${h(stage.status)}</a></p>` : ''}`
          }</section>`,
      )
      .join('')}</div>`,
    'Ideas past review, by stage along the lifecycle, with how long each has been there.',
  );

  const themes = report.themes.length
    ? section(
        'themes',
        'Themes',
        themeList(report.themes.slice(0, THEMES_PREVIEW), '') +
          (report.themes.length > THEMES_PREVIEW
            ? `<p class="small"><a href="themes.html">All ${report.themes.length} themes</a></p>`
            : ''),
      )
    : '';
  const campaigns = report.campaigns.length
    ? section(
        'campaigns',
        'Campaigns',
        `<ul class="ideas">${report.campaigns
          .map(
            (c) =>
              `<li><span class="title"><a href="${campaignHref('', c.name)}">${h(c.question)}</a></span> <span class="tag">${c.state === 'open' ? `${plural(c.daysLeft, 'day')} left` : c.state === 'closed' ? `closed ${h(c.closes)}` : `opens ${h(c.opens ?? '')}`}</span> <span class="note">${plural(c.ideas, 'idea')}</span></li>`,
          )
          .join('')}</ul>`,
      )
    : '';
  const teams = report.participation.teams.length
    ? section(
        'teams',
        'Teams',
        `<ul class="teams">${report.participation.teams
          .filter((row) => input.teams.has(row.team))
          .map(
            (row) =>
              `<li class="d${Math.min(row.depth, 4)}"><a href="${teamHref('', row.team)}">${h(row.name ?? row.team)}</a> <span class="note">${plural(row.rolledUp.ideas, 'idea')}</span></li>`,
          )
          .join('')}</ul>`,
      )
    : '';

  return `${intro}
<div class="grid">
${rising}
${recent}
</div>
${roadmap}
<div class="grid">
${themes}
${campaigns}
${teams}
</div>`;
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

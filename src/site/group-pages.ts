/** A page per team (its ideas and those of the teams under it) and per campaign. */
import { escapeHtml as h } from '../format/html-escape.js';
import { plural } from '../report/format-common.js';
import type { RankedIdea } from '../rank/rank.js';
import type { Report, TeamRow } from '../report/report.js';
import { ideaList, section, teamHref } from './html.js';

const B = '../';

function rankedList(ranked: readonly RankedIdea[], empty: string): string {
  return ideaList(
    ranked.map((r) => ({ idea: r.idea, status: r.status, note: plural(r.votes, 'voter') })),
    B,
    empty,
  );
}

export interface TeamPageInput {
  team: string;
  row: TeamRow | undefined;
  parent: string | undefined;
  children: string[];
  open: RankedIdea[];
  closed: RankedIdea[];
}

export function teamPage(input: TeamPageInput): string {
  const name = input.row?.name ?? input.team;
  const figures = input.row
    ? `<p class="figures">${plural(input.row.rolledUp.ideas, 'idea')} from ${plural(input.row.rolledUp.authors, 'author')}, ${plural(input.row.rolledUp.votes, 'vote')} from ${plural(input.row.rolledUp.voters, 'voter')}, sub-teams included; ${plural(input.row.own.ideas, 'idea')} of its own.</p>`
    : '';
  const links = [
    input.parent ? `Part of <a href="${teamHref(B, input.parent)}">${h(input.parent)}</a>` : '',
    input.children.length
      ? `Teams under it: ${input.children.map((c) => `<a href="${teamHref(B, c)}">${h(c)}</a>`).join(', ')}`
      : '',
  ].filter(Boolean);
  return `<h1>${h(name)} <span class="muted">team</span></h1>
${links.length ? `<p class="crumbs">${links.join(' · ')}</p>` : ''}
${figures}
${section('open', 'Open ideas', rankedList(input.open, 'No open ideas.'), 'Best ranked first.')}
${section('closed', 'Closed', rankedList(input.closed, 'None closed yet.'))}`;
}

export function campaignPage(
  campaign: Report['campaigns'][number],
  ranked: readonly RankedIdea[],
): string {
  const state =
    campaign.state === 'open'
      ? `open, ${plural(campaign.daysLeft, 'day')} left`
      : campaign.state === 'closed'
        ? `closed on ${h(campaign.closes)}`
        : `opens on ${h(campaign.opens ?? '')}`;
  return `<h1>${h(campaign.question)}</h1>
<p class="meta">Campaign <span class="id">${h(campaign.name)}</span> · ${state} · closes <time datetime="${h(campaign.closes)}">${h(campaign.closes)}</time></p>
<p class="figures">${plural(campaign.ideas, 'idea')} · ${plural(campaign.votes, 'vote')} from ${plural(campaign.voters, 'voter')}</p>
${campaign.state === 'open' ? `<p><a class="button" href="${B}propose.html?campaign=${encodeURIComponent(campaign.name)}">Answer it: propose an idea</a></p>` : ''}
${section('answers', 'Ideas answering it', rankedList(ranked, 'No idea answers it yet.'), 'Best ranked first.')}`;
}

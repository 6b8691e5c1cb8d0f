/**
 * A page per team (its ideas and those of the teams under it), per campaign, per theme's list of
 * ideas, and the list of themes: each a list split into pages of PER_PAGE (paging.ts), so none
 * grows with the repository.
 */
import { escapeHtml as h } from '../format/html-escape.js';
import { plural } from '../report/format-common.js';
import type { RankedIdea } from '../rank/rank.js';
import type { Report, TeamRow } from '../report/report.js';
import { campaignHref, ideaHref, ideaList, section, teamHref, themeListHref } from './html.js';
import { fileName, pageHref, pager, splitPages, type ListPage } from './paging.js';

const B = '../';

/** How many closed ideas a team's first page shows before linking to all of them. */
export const CLOSED_PREVIEW = 20;

function rankedList(ranked: readonly RankedIdea[], empty: string, base = B): string {
  return ideaList(
    ranked.map((r) => ({ idea: r.idea, status: r.status, note: plural(r.votes, 'voter') })),
    base,
    empty,
  );
}

/**
 * Every page of one ranked list: `head` on each, `lead` on the first, the pager under the list.
 * `first` is the first page's path; the others sit beside it.
 */
function* listPages(options: {
  first: string;
  title: string;
  head: string;
  lead?: string;
  sectionId: string;
  sectionTitle: string;
  what: string;
  ranked: readonly RankedIdea[];
  empty: string;
  note?: string;
  base?: string;
}): Generator<ListPage> {
  const pages = splitPages(options.ranked);
  for (const [i, items] of pages.entries()) {
    const k = i + 1;
    const from = i * (pages[0]?.length ?? 0) + 1;
    const range =
      pages.length > 1
        ? ` ${from} to ${from + items.length - 1} of ${options.ranked.length}, best ranked first.`
        : ' Best ranked first.';
    const path = pageHref(options.first, k);
    yield {
      path,
      title: k === 1 ? options.title : `${options.title} (page ${k})`,
      body: `${options.head}
${k === 1 ? (options.lead ?? '') : ''}
${section(
  options.sectionId,
  options.sectionTitle,
  rankedList(items, options.empty, options.base) +
    pager(options.what, k, pages.length, (n) => fileName(pageHref(options.first, n))),
  `${(options.note ?? '') + range}`.trim(),
)}`,
    };
  }
}

export interface TeamPageInput {
  team: string;
  row: TeamRow | undefined;
  parent: string | undefined;
  children: string[];
  open: RankedIdea[];
  closed: RankedIdea[];
}

/** The team's pages: its open ideas (page 1 also shows the first closed ones), then all closed. */
export function* teamPages(input: TeamPageInput): Generator<ListPage> {
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
  const first = teamHref('', input.team);
  const closedFirst = first.replace(/\.html$/, '.closed.html');
  const head = (what: string) =>
    `<h1>${h(name)} <span class="muted">team${what}</span></h1>
${links.length ? `<p class="crumbs">${links.join(' · ')}</p>` : ''}`;
  const preview = input.closed.slice(0, CLOSED_PREVIEW);
  const more =
    input.closed.length > preview.length
      ? `<p><a href="${h(fileName(closedFirst))}">All ${input.closed.length} closed ideas</a></p>`
      : '';
  const pages = [
    ...listPages({
      first,
      title: `Team ${input.team}`,
      head: head(''),
      lead: figures,
      sectionId: 'open',
      sectionTitle: 'Open ideas',
      what: 'open ideas',
      ranked: input.open,
      empty: 'No open ideas.',
    }),
  ];
  const closedSection = section(
    'closed',
    'Closed',
    rankedList(preview, 'None closed yet.') + more,
    more ? `The ${preview.length} best ranked.` : '',
  );
  for (const [i, page] of pages.entries())
    yield i === 0 ? { ...page, body: `${page.body}\n${closedSection}` } : page;
  if (more)
    yield* listPages({
      first: closedFirst,
      title: `Team ${input.team}: closed ideas`,
      head: `${head(': closed ideas')}\n<p><a href="${h(fileName(first))}">Open ideas of ${h(name)}</a></p>`,
      sectionId: 'closed',
      sectionTitle: 'Closed',
      what: 'closed ideas',
      ranked: input.closed,
      empty: 'None closed yet.',
    });
}

export function* campaignPages(
  campaign: Report['campaigns'][number],
  ranked: readonly RankedIdea[],
): Generator<ListPage> {
  const state =
    campaign.state === 'open'
      ? `open, ${plural(campaign.daysLeft, 'day')} left`
      : campaign.state === 'closed'
        ? `closed on ${h(campaign.closes)}`
        : `opens on ${h(campaign.opens ?? '')}`;
  yield* listPages({
    first: campaignHref('', campaign.name),
    title: campaign.question,
    head: `<h1>${h(campaign.question)}</h1>
<p class="meta">Campaign <span class="id">${h(campaign.name)}</span> · ${state} · closes <time datetime="${h(campaign.closes)}">${h(campaign.closes)}</time></p>`,
    lead: `<p class="figures">${plural(campaign.ideas, 'idea')} · ${plural(campaign.votes, 'vote')} from ${plural(campaign.voters, 'voter')}</p>
${campaign.state === 'open' ? `<p><a class="button" href="${B}propose.html?campaign=${encodeURIComponent(campaign.name)}">Answer it: propose an idea</a></p>` : ''}`,
    sectionId: 'answers',
    sectionTitle: 'Ideas answering it',
    what: 'ideas answering it',
    ranked,
    empty: 'No idea answers it yet.',
  });
}

/** Every idea under a theme, for a theme whose own page shows only the first of them. */
export function* themeListPages(
  theme: { id: string; title: string },
  ranked: readonly RankedIdea[],
): Generator<ListPage> {
  yield* listPages({
    first: themeListHref('', theme.id),
    title: `Ideas under ${theme.title}`,
    head: `<h1>Ideas under ${h(theme.title)}</h1>
<p class="crumbs">Theme <a href="${ideaHref(B, theme.id)}">${h(theme.title)}</a> <span class="id">${h(theme.id)}</span></p>`,
    sectionId: 'children',
    sectionTitle: 'Ideas under this theme',
    what: 'ideas under this theme',
    ranked,
    empty: 'No idea under it yet.',
  });
}

/** Every theme, for a home page that shows only the first of them. */
export function* themesPages(themes: Report['themes']): Generator<ListPage> {
  const pages = splitPages(themes);
  for (const [i, items] of pages.entries()) {
    const k = i + 1;
    yield {
      path: pageHref('themes.html', k),
      title: k === 1 ? 'Themes' : `Themes (page ${k})`,
      body: `<h1>Themes</h1>
${section(
  'themes',
  'Themes',
  themeList(items, '') + pager('themes', k, pages.length, (n) => pageHref('themes.html', n)),
  `${themes.length} themes, as the report orders them.`,
)}`,
    };
  }
}

/** Themes with their idea and voter counts: the home page's list and the themes pages. */
export function themeList(themes: Report['themes'], base: string): string {
  return ideaList(
    themes.map((th) => ({
      idea: th,
      status: th.status,
      note: `${plural(th.ideas, 'idea')} · ${plural(th.voters, 'voter')}`,
    })),
    base,
    'No themes yet.',
  );
}

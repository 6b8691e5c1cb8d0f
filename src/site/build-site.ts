/**
 * `ideas site`: the repository as a static site, in one pass. Pure: the repository, the report
 * (built by the report's own builder, from git history the caller read), the support count,
 * the forge and the browser script come in; the files come out one by one, path and content,
 * for the caller to write as they come (10,000 pages are never held together).
 * Every figure comes from the domain (rankIdeas, countSupport, buildReport).
 */
import { isClosed } from '../model/lifecycle.js';
import { compareDecisions, type Repository } from '../model/repository.js';
import type { Support } from '../model/support.js';
import { rankIdeas, type RankedIdea } from '../rank/rank.js';
import { organisationOf } from '../report/format-common.js';
import { formatReportHtml } from '../report/format-html.js';
import type { Report } from '../report/report.js';
import type { Idea } from '../model/types.js';
import { teamAndBelow, teamTree } from '../model/teams.js';
import { proposePage, searchPage } from './form-pages.js';
import { campaignPages, teamPages, themeListPages, themesPages } from './group-pages.js';
import { THEMES_PREVIEW } from './home-page.js';
import { homePage } from './home-page.js';
import { ideaHref, page } from './html.js';
import { describeIdeas } from './idea-details.js';
import { CHILDREN_PREVIEW, ideaPage, ideaVotePages } from './idea-page.js';
import { forgeName, type SiteForge } from './new-file.js';
import { buildSearchIndex, searchIndexScript } from './search-index.js';
import { siteCss } from './style.js';

export interface SiteInput {
  repo: Repository;
  /** The report, whose roadmap (open ideas past review by stage) the home page shows too. */
  report: Report;
  /** The one count of voters and points (countSupport), made once for the report and the pages. */
  support: Support;
  today: string;
  /** Where the site's forms send people; undefined shows the files to copy instead. */
  forge: SiteForge | undefined;
  /** The browser script (dist/site-client.js). */
  clientScript: string;
  /** What the footer says the site was built from: `the working tree`, `origin/main at 1a2b3c4`. */
  source: string;
}

const RISING = 10;
const RECENT = 10;

/** A file of the site: its path in the output folder, and its text. */
export type SiteFile = readonly [path: string, text: string];

export function* buildSite(input: SiteInput): Generator<SiteFile> {
  const { repo, report, today, forge, support } = input;
  const config = repo.config;
  const lifecycle = config.lifecycle;
  const organisation = organisationOf(report);
  const siteName = organisation ? `${organisation} ideas` : 'Ideas';
  const shell = (
    path: string,
    title: string,
    body: string,
    extra: { current?: string; scripts?: string[] } = {},
  ): SiteFile => [
    path,
    page({
      base: path.includes('/') ? '../' : '',
      title,
      siteName,
      forge,
      generated: input.source,
      body,
      ...extra,
    }),
  ];

  // Every idea in rank order under the configured model, whatever its status: one ranking
  // for the whole site, filtered below by team, campaign and status.
  const statuses = new Set(Object.keys(lifecycle.transitions));
  for (const list of repo.decisionsByIdea.values()) for (const d of list) statuses.add(d.status);
  const ranked = rankIdeas(repo, { today, statuses: [...statuses], support });
  const open = (r: RankedIdea) => !isClosed(lifecycle, r.status);

  const teams = new Set(Object.keys(config.teams));
  const campaigns = new Set(Object.keys(config.campaigns));
  const people = Object.keys(config.people);
  const themeFigures = new Map(report.themes.map((t) => [t.id, t]));

  const longThemes: Idea[] = [];
  for (const detail of describeIdeas(repo, support)) {
    const idea = detail.idea;
    if (detail.children.length > CHILDREN_PREVIEW) longThemes.push(idea);
    const campaign = idea.campaign === undefined ? undefined : config.campaigns[idea.campaign];
    const figures = themeFigures.get(idea.id);
    yield shell(
      ideaHref('', idea.id),
      idea.title,
      ideaPage(detail, {
        forge,
        closed: isClosed(lifecycle, detail.status),
        campaignCloses: campaign?.closes,
        voting: config.voting,
        people,
        teams,
        campaigns,
        ...(figures ? { themeFigures: figures } : {}),
      }),
      { scripts: ['site.js'] },
    );
    for (const list of ideaVotePages(detail)) yield shell(list.path, list.title, list.body);
  }

  const rising = rankIdeas(repo, { model: 'hot', today, support })
    .filter((r) => r.votes > 0)
    .slice(0, RISING);
  const recent = [...repo.decisions]
    .sort((a, b) => compareDecisions(b, a))
    .flatMap((decision) => {
      const idea = repo.ideasById.get(decision.idea);
      return idea ? [{ decision, idea }] : [];
    })
    .slice(0, RECENT);
  yield shell(
    'index.html',
    'Home',
    homePage({ siteName, report, rising, recent, roadmap: report.roadmap.stages, teams }),
    { current: 'home' },
  );

  const tree = teamTree(config.teams);
  for (const team of teams) {
    const below = teamAndBelow(tree, team);
    const mine = ranked.filter((r) => r.team !== undefined && below.has(r.team));
    const parent = config.teams[team]?.parent;
    for (const list of teamPages({
      team,
      row: report.participation.teams.find((row) => row.team === team),
      parent: parent !== undefined && teams.has(parent) ? parent : undefined,
      children: [...teams].filter((t) => config.teams[t]?.parent === team).sort(),
      open: mine.filter(open),
      closed: mine.filter((r) => !open(r)),
    }))
      yield shell(list.path, list.title, list.body);
  }
  for (const campaign of report.campaigns) {
    const ids = new Set(campaign.ideaIds);
    for (const list of campaignPages(
      campaign,
      ranked.filter((r) => ids.has(r.idea.id)),
    ))
      yield shell(list.path, list.title, list.body);
  }
  // A theme's page shows its first ideas; one with more links to the list of all of them.
  const underTheme = new Map<string, RankedIdea[]>();
  for (const r of ranked) {
    if (r.idea.parent === undefined) continue;
    const list = underTheme.get(r.idea.parent);
    if (list) list.push(r);
    else underTheme.set(r.idea.parent, [r]);
  }
  for (const theme of longThemes)
    for (const list of themeListPages(theme, underTheme.get(theme.id) ?? []))
      yield shell(list.path, list.title, list.body);
  if (report.themes.length > THEMES_PREVIEW)
    for (const list of themesPages(report.themes)) yield shell(list.path, list.title, list.body);

  yield shell('search.html', 'Search', searchPage(), {
    current: 'search',
    scripts: ['search-index.js', 'site.js'],
  });
  yield shell(
    'propose.html',
    'Propose an idea',
    proposePage({
      sections: repo.template.sections,
      teams: [...teams].sort(),
      themes: ranked.filter((r) => r.idea.kind === 'theme' && open(r)).map((r) => r.idea),
      campaigns: report.campaigns.filter((c) => c.state === 'open'),
      people,
      where: forge ? forgeName(forge.forge) : 'your forge',
    }),
    // The index doubles as the list of ids taken, so a fresh id is drawn outside it.
    { current: 'propose', scripts: ['search-index.js', 'site.js'] },
  );

  yield ['report.html', formatReportHtml(report)];
  yield [
    'assets/search-index.js',
    searchIndexScript(
      buildSearchIndex(ranked.map((r) => ({ idea: r.idea, status: r.status, voters: r.votes }))),
    ),
  ];
  yield ['assets/site.css', siteCss(lifecycle)];
  yield ['assets/site.js', input.clientScript];
}

/** One idea's page: its text, status, decisions with rationale, votes, theme, similar ideas, and the vote form. */
import { escapeHtml as h } from '../format/html-escape.js';
import { plural } from '../report/format-common.js';
import type { IdeaDetail } from '../model/idea-detail.js';
import type { Decision, Vote } from '../model/types.js';
import { fileName, pageHref, pager, splitPages, type ListPage } from './paging.js';
import {
  campaignHref,
  ideaHref,
  ideaLink,
  ideaList,
  section,
  statusBadge,
  teamHref,
  themeListHref,
} from './html.js';
import { renderMarkdown, safeHref } from './markdown.js';
import { forgeName, type SiteForge } from './new-file.js';
import { encodeVoted } from './voted.js';

export interface IdeaPageContext {
  forge: SiteForge | undefined;
  closed: boolean;
  /** The campaign's closing day, when the idea answers one. */
  campaignCloses: string | undefined;
  voting: { mode: string; budget: number; downvotes: boolean; self_votes: boolean };
  people: string[];
  teams: ReadonlySet<string>;
  campaigns: ReadonlySet<string>;
  /** The theme's roll-up, from the report, when this idea is a theme. */
  themeFigures?: { ideas: number; open: number; delivered: number; voters: number; points: number };
}

const B = '../';
/** A theme's page lists this many of its ideas, then links to the list of all of them. */
export const CHILDREN_PREVIEW = 50;
/**
 * Votes an idea page lists; the rest go on pages of their own beside it (`<id>.p2.html`, …), so
 * an idea with thousands of votes is not one huge page. About 40 KB of votes with short comments.
 */
export const VOTES_PER_PAGE = 100;

export function ideaPage(detail: IdeaDetail, context: IdeaPageContext): string {
  const { idea } = detail;
  const meta: string[] = [
    statusBadge(detail.status),
    `<span class="id">${h(idea.id)}</span>`,
    idea.kind === 'theme' ? '<span class="tag">theme</span>' : '',
    `by ${idea.authors.map((a) => `<span class="person">${h(a)}</span>`).join(', ')}`,
    `on <time datetime="${h(idea.created)}">${h(idea.created)}</time>`,
    idea.team === undefined
      ? ''
      : context.teams.has(idea.team)
        ? `team <a href="${teamHref(B, idea.team)}">${h(idea.team)}</a>`
        : `team ${h(idea.team)}`,
    idea.campaign === undefined
      ? ''
      : context.campaigns.has(idea.campaign)
        ? `for <a href="${campaignHref(B, idea.campaign)}">${h(idea.campaign)}</a>`
        : `for ${h(idea.campaign)}`,
  ].filter(Boolean);
  const tags = idea.tags.length
    ? `<ul class="tags" aria-label="Tags">${idea.tags
        .map(
          (tag) =>
            `<li><a class="tag" href="${B}search.html?q=${encodeURIComponent(tag)}">${h(tag)}</a></li>`,
        )
        .join('')}</ul>`
    : '';
  const crumbs = detail.theme
    ? `<p class="crumbs">Part of the theme ${ideaLink(B, detail.theme)}</p>`
    : '';
  const countsFor = detail.countsFor
    ? `<p class="notice" role="note">Closed as a duplicate: its votes count for <a href="${ideaHref(B, detail.countsFor)}">${h(detail.countsFor)}</a>.</p>`
    : '';

  const votePages = splitPages(detail.votes, VOTES_PER_PAGE);
  const support = section(
    'support',
    'Support',
    `<p class="figures"><b>${plural(detail.support.votes, 'voter')}</b>, ${plural(detail.support.points, 'point')} counted${
      detail.duplicates.length
        ? ` (with the votes of its duplicates ${detail.duplicates.map((d) => `<a href="${ideaHref(B, d)}">${h(d)}</a>`).join(', ')})`
        : ''
    }.</p>${
      detail.customers.length
        ? `<p>Customers named: ${detail.customers.map((c) => `<span class="tag">${h(c.name)} <span class="muted">${c.votes}</span></span>`).join(' ')}</p>`
        : ''
    }${
      detail.votes.length === 0
        ? '<p class="muted">No votes yet.</p>'
        : `${voteRange(1, votePages, detail.votes.length)}${voteList(votePages[0] ?? [], idea.id)}${votePager(idea.id, 1, votePages.length)}`
    }`,
  );

  const history = section(
    'decisions',
    'Decision history',
    detail.decisions.length === 0
      ? '<p class="muted">No decision yet: the idea is waiting for reviewers.</p>'
      : `<ol class="timeline">${detail.decisions.map(decisionItem).join('')}</ol>`,
  );

  const children = detail.children.length
    ? section(
        'children',
        'Ideas under this theme',
        ideaList(
          detail.children
            .slice(0, CHILDREN_PREVIEW)
            .map((c) => ({ idea: c.idea, status: c.status, note: '' })),
          B,
          '',
        ) +
          (detail.children.length > CHILDREN_PREVIEW
            ? `<p><a href="${themeListHref(B, idea.id)}">All ${detail.children.length} ideas under it</a></p>`
            : ''),
        context.themeFigures
          ? `${plural(context.themeFigures.ideas, 'idea')}, ${context.themeFigures.open} open, ${context.themeFigures.delivered} delivered; ${plural(context.themeFigures.voters, 'voter')} and ${plural(context.themeFigures.points, 'point')} rolled up.`
          : '',
      )
    : '';
  const similar = section(
    'similar',
    'Similar ideas',
    ideaList(
      detail.similar.map((s) => ({
        idea: s.idea,
        status: '',
        note: `${Math.round(s.score * 100)} % alike`,
      })),
      B,
      'Nothing similar.',
    ).replace(/<span class="status st-"><\/span> /g, ''),
  );

  return `<article class="idea" aria-labelledby="idea-title">
${crumbs}
<h1 id="idea-title">${h(idea.title)}</h1>
<p class="meta">${meta.join(' · ')}</p>
${tags}
${countsFor}
<div class="idea-grid">
<div class="idea-main">
<section class="panel text" aria-label="The idea">${renderMarkdown(idea.body) || '<p class="muted">No text.</p>'}</section>
${history}
${support}
</div>
<div class="idea-side">
${voteForm(detail, context)}
${children}
${similar}
</div>
</div>
</article>`;
}

/** The votes of pages 2 and on of an idea's votes: each a page of its own beside the idea's. */
export function* ideaVotePages(detail: IdeaDetail): Generator<ListPage> {
  const { idea } = detail;
  const pages = splitPages(detail.votes, VOTES_PER_PAGE);
  const first = ideaHref('', idea.id);
  for (let k = 2; k <= pages.length; k++)
    yield {
      path: pageHref(first, k),
      title: `Votes for ${idea.title} (page ${k})`,
      body: `<h1>Votes for ${h(idea.title)}</h1>
<p class="crumbs">Idea <a href="${h(fileName(first))}">${h(idea.title)}</a> <span class="id">${h(idea.id)}</span> ${statusBadge(detail.status)}</p>
${section(
  'votes',
  'Votes',
  `${voteRange(k, pages, detail.votes.length)}${voteList(pages[k - 1] ?? [], idea.id)}${votePager(idea.id, k, pages.length)}`,
)}`,
    };
}

/** Which votes a page lists, said only when they fill more than one page. */
function voteRange(k: number, pages: readonly (readonly Vote[])[], total: number): string {
  if (pages.length <= 1) return '';
  const from = (k - 1) * VOTES_PER_PAGE + 1;
  const to = from + (pages[k - 1]?.length ?? 0) - 1;
  return `<p class="lead">Votes ${from} to ${to} of ${total}, oldest first.</p>`;
}

function votePager(id: string, k: number, total: number): string {
  const first = ideaHref('', id);
  return pager('votes', k, total, (n) => fileName(pageHref(first, n)));
}

function voteList(votes: readonly Vote[], ideaId: string): string {
  return `<ol class="votes">${votes
    .map(
      (vote) =>
        `<li><div class="vote-head"><span class="person">${h(vote.voter)}</span> <span class="muted">${vote.points === 1 ? '' : `${h(String(vote.points))} points · `}<time datetime="${h(vote.date)}">${h(vote.date)}</time>${vote.idea === ideaId ? '' : ` · on ${h(vote.idea)}`}</span>${
          vote.customers.length
            ? ` ${vote.customers.map((c) => `<span class="tag">${h(c)}</span>`).join(' ')}`
            : ''
        }</div>${vote.comment.trim() ? `<div class="text">${renderMarkdown(vote.comment, { headingBase: 4 })}</div>` : ''}</li>`,
    )
    .join('')}</ol>`;
}

function decisionItem(decision: Decision): string {
  const links = implementedBy(decision)
    .map((url) => {
      const href = safeHref(url);
      return href && /^https?:/i.test(href)
        ? `<li><a href="${h(href)}" rel="nofollow noopener noreferrer">${h(url)}</a></li>`
        : `<li>${h(url)}</li>`;
    })
    .join('');
  const scores = Object.entries(decision.scores);
  return `<li><div class="vote-head">${statusBadge(decision.status)} <time datetime="${h(decision.date)}">${h(decision.date)}</time> <span class="muted">by ${decision.reviewers.map(h).join(', ')}</span>${
    decision.duplicate_of
      ? ` · duplicate of <a href="${ideaHref(B, decision.duplicate_of)}">${h(decision.duplicate_of)}</a>`
      : ''
  }</div>${decision.rationale.trim() ? `<div class="text">${renderMarkdown(decision.rationale, { headingBase: 4 })}</div>` : ''}${
    scores.length
      ? `<p class="small">Scores: ${scores.map(([k, v]) => `${h(k)} ${h(String(v))}`).join(', ')}</p>`
      : ''
  }${links ? `<p class="small">Implemented by</p><ul class="links">${links}</ul>` : ''}</li>`;
}

/** `implemented_by`: PRs, commits or tags that did the idea. */
export function implementedBy(decision: Decision): string[] {
  return decision.implemented_by;
}

function voteForm(detail: IdeaDetail, context: IdeaPageContext): string {
  const { idea } = detail;
  if (context.closed)
    return section(
      'vote',
      'Vote or comment',
      `<p>This idea is <b>${h(detail.status)}</b>: it takes no new votes.${
        detail.countsFor
          ? ` Vote for <a href="${ideaHref(B, detail.countsFor)}">${h(detail.countsFor)}</a> instead.`
          : ''
      }</p>`,
    );
  const voting = context.voting;
  const where = context.forge ? forgeName(context.forge.forge) : 'the forge';
  const points =
    voting.mode === 'simple'
      ? '<input type="hidden" name="points" value="1">'
      : `<label for="vote-points">Points</label><input id="vote-points" name="points" type="number" min="${voting.downvotes ? -voting.budget : 1}" max="${voting.budget}" step="1" value="1"><p class="hint" id="vote-points-hint">${h(voting.mode)} voting: a budget of ${voting.budget} points over all open ideas${voting.mode === 'quadratic' ? ' (n points cost n²)' : ''}.</p>`;
  const voted = encodeVoted(detail.votes.filter((v) => v.idea === idea.id).map((v) => v.voter));
  return section(
    'vote',
    'Vote or comment',
    `<form class="act" data-vote data-idea="${h(idea.id)}" data-authors="${h(idea.authors.join(' '))}" data-voted="${h(voted)}" data-voting="${h(voting.mode)}" data-budget="${voting.budget}" data-downvotes="${voting.downvotes}" data-self-votes="${voting.self_votes}"${
      context.campaignCloses ? ` data-campaign-closes="${h(context.campaignCloses)}"` : ''
    } data-people="${h(context.people.join(' '))}" novalidate>
<p class="hint">Your vote is a file in the repository. The button opens ${h(where)}'s editor with it filled in: commit it there to open a pull request, which CI checks and a reviewer merges.</p>
<label for="vote-handle">Your handle</label>
<input id="vote-handle" name="handle" autocomplete="username" spellcheck="false" aria-describedby="vote-handle-hint" required>
<p class="hint" id="vote-handle-hint">Your name in this repository (remembered in this browser).</p>
${points}
<label for="vote-customers">Customers who need it <span class="muted">(optional, comma-separated)</span></label>
<input id="vote-customers" name="customers" autocomplete="off">
<label for="vote-comment">Comment <span class="muted">(optional; written into your vote)</span></label>
<textarea id="vote-comment" name="comment" rows="4"></textarea>
<div class="actions">
<a class="button" id="vote-link" data-action="vote" aria-disabled="true">Vote for this</a>
<a class="button secondary" id="comment-link" data-action="comment" aria-disabled="true">Comment</a>
</div>
<div class="draft" id="vote-draft" aria-live="polite"></div>
</form>`,
  );
}

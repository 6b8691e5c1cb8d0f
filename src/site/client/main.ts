/**
 * The site's one script (bundled by scripts/build.mjs into dist/site-client.js, shipped as
 * assets/site.js). It reads what each page says in `data-` attributes, never evaluates page
 * content, writes to the page only through textContent and attributes, and talks to no server:
 * search runs over the shipped index, and the forms build links into the forge's editor.
 */
import { prepareIndex, runSearch, type PreparedIndex } from '../search-query.js';
import type { SearchIndex } from '../postings.js';
import type { ForgeKind, SiteForge } from '../new-file.js';
import { initProposeForm, initVoteForm } from './forms.js';

declare global {
  var ideasSearchIndex: SearchIndex | undefined;
}

function siteForge(): SiteForge | undefined {
  const data = document.body.dataset;
  const forge: ForgeKind | undefined =
    data.forge === 'github' ? 'github' : data.forge === 'gitlab' ? 'gitlab' : undefined;
  if (!forge || !data.forgeHost || !data.forgePath || !data.branch) return undefined;
  return {
    forge,
    host: data.forgeHost,
    path: data.forgePath,
    branch: data.branch,
    prefix: data.prefix ?? '',
  };
}

function initSearch(prepared: PreparedIndex): void {
  const form = document.querySelector<HTMLFormElement>('form[data-search]');
  const input = document.querySelector<HTMLInputElement>('#search-q');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const status = document.querySelector<HTMLElement>('#search-status');
  if (!form || !input || !list || !status) return;
  const render = () => {
    const query = input.value;
    const result = runSearch(prepared, query);
    list.replaceChildren(
      ...result.docs.map((n) => {
        const [id, title, state, team, tags, href, voters] = prepared.index.docs[n] ?? [];
        const item = document.createElement('li');
        const head = document.createElement('span');
        head.className = 'title';
        const link = document.createElement('a');
        link.href = href ?? '#';
        link.textContent = title ?? '';
        const idTag = document.createElement('span');
        idTag.className = 'id';
        idTag.textContent = id ?? '';
        head.append(link, ' ', idTag);
        const badge = document.createElement('span');
        badge.className = `status st-${(state ?? '').replace(/[^a-z-]/g, '')}`;
        badge.textContent = state ?? '';
        const note = document.createElement('span');
        note.className = 'note';
        note.textContent = [
          team ? `team ${team}` : '',
          tags ? `tags ${tags.split(',').join(', ')}` : '',
          `${voters ?? 0} voter${voters === 1 ? '' : 's'}`,
        ]
          .filter(Boolean)
          .join(' · ');
        item.append(head, ' ', badge, ' ', note);
        return item;
      }),
    );
    status.textContent =
      query.trim() === ''
        ? `${prepared.index.docs.length} ideas to search.`
        : result.total === 0
          ? `Nothing matches “${query.trim()}”.`
          : `${result.total} idea${result.total === 1 ? '' : 's'} match${result.total === 1 ? 'es' : ''}${result.total > result.docs.length ? `; the first ${result.docs.length} are shown` : ''}.`;
  };
  const query = new URLSearchParams(location.search).get('q') ?? '';
  input.value = query;
  const header = document.querySelector<HTMLInputElement>('#site-q');
  if (header) header.value = query;
  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      render();
      const url = new URL(location.href);
      url.searchParams.set('q', input.value);
      history.replaceState(null, '', url.href);
    }, 80);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    render();
  });
  render();
}

function start(): void {
  const forge = siteForge();
  const index = globalThis.ideasSearchIndex;
  const prepared = index ? prepareIndex(index) : undefined;
  if (prepared) initSearch(prepared);
  const vote = document.querySelector<HTMLFormElement>('form[data-vote]');
  if (vote) initVoteForm(vote, forge);
  const propose = document.querySelector<HTMLFormElement>('form[data-propose]');
  if (propose) initProposeForm(propose, forge, new Set(index?.docs.map((d) => d[0]) ?? []));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();

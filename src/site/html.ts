/**
 * The page shell every site page shares, and the small pieces pages are made of. Every string
 * from a file goes through `h` (escapeHtml); nothing inline runs: the stylesheet and the one
 * script are files of the site, allowed by `'self'` in each page's Content-Security-Policy,
 * and what the script needs from a page travels in escaped `data-` attributes.
 */
import { statusClass } from './style.js';
import { createHash } from 'node:crypto';
import { escapeHtml as h } from '../format/html-escape.js';
import type { SiteForge } from './new-file.js';

/** No host but the site's own: scripts, styles and images from its files, forms to its pages. */
export const SITE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'";

export interface PageShell {
  /** Where the page sits: `''` at the top, `'../'` one folder down. */
  base: string;
  title: string;
  siteName: string;
  /** `home`, `search`, `propose`, or nothing: marks the current link in the navigation. */
  current?: string;
  forge: SiteForge | undefined;
  generated: string;
  scripts?: string[];
  body: string;
}

export function page(shell: PageShell): string {
  const b = shell.base;
  const nav = [
    ['home', 'index.html', 'Home'],
    ['search', 'search.html', 'Search'],
    ['report', 'report.html', 'Report'],
    ['propose', 'propose.html', 'Propose an idea'],
  ]
    .map(
      ([key, href, label]) =>
        `<a href="${b}${href}"${shell.current === key ? ' aria-current="page"' : ''}>${label}</a>`,
    )
    .join('');
  const forge = shell.forge;
  const data = forge
    ? ` data-forge="${h(forge.forge)}" data-forge-host="${h(forge.host)}" data-forge-path="${h(forge.path)}" data-branch="${h(forge.branch)}" data-prefix="${h(forge.prefix)}"`
    : '';
  const scripts = (shell.scripts ?? [])
    .map((src) => `<script src="${b}assets/${src}" defer></script>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${SITE_CSP}">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="ideas site">
<title>${h(shell.title)} · ${h(shell.siteName)}</title>
<link rel="stylesheet" href="${b}assets/site.css">
${scripts}
</head>
<body${data}>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<div class="wrap top-row">
<a class="brand" href="${b}index.html">${h(shell.siteName)}</a>
<nav aria-label="Site">${nav}</nav>
<form class="search" role="search" action="${b}search.html" method="get">
<label for="site-q" class="vh">Search ideas</label>
<input id="site-q" name="q" type="search" placeholder="Search ideas" autocomplete="off">
<button type="submit">Search</button>
</form>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${shell.body}
</main>
<footer class="wrap small">Built by <code>ideas site</code> from ${h(shell.generated)}. The files in git are the record: every vote and idea here is a pull request, checked by CI and merged by a reviewer.</footer>
</body>
</html>
`;
}

/** A file name for a team, campaign or idea key: the key itself when it is plain, else a hash. */
export function fileKey(key: string): string {
  return /^[a-z0-9][a-z0-9_-]{0,63}$/.test(key)
    ? key
    : `k-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

export const ideaHref = (base: string, id: string) => `${base}ideas/${fileKey(id)}.html`;
export const teamHref = (base: string, team: string) => `${base}teams/${fileKey(team)}.html`;
export const campaignHref = (base: string, name: string) =>
  `${base}campaigns/${fileKey(name)}.html`;
/** Every idea under a theme, when its own page shows only the first CHILDREN_PREVIEW. */
export const themeListHref = (base: string, id: string) => `${base}themes/${fileKey(id)}.html`;

export function statusBadge(status: string): string {
  return `<span class="status ${statusClass(status)}">${h(status)}</span>`;
}

export function ideaLink(base: string, idea: { id: string; title: string }): string {
  return `<a href="${ideaHref(base, idea.id)}">${h(idea.title)}</a> <span class="id">${h(idea.id)}</span>`;
}

export function section(id: string, title: string, body: string, lead = ''): string {
  return `<section id="${id}" class="panel" aria-labelledby="${id}-h"><h2 id="${id}-h">${h(title)}</h2>${lead ? `<p class="lead">${lead}</p>` : ''}${body}</section>`;
}

/** A list of ideas as rows: title link, status, a figure; `empty` when there is none. */
export function ideaList(
  rows: { idea: { id: string; title: string }; status: string; note: string }[],
  base: string,
  empty: string,
): string {
  if (rows.length === 0) return `<p class="muted">${h(empty)}</p>`;
  return `<ul class="ideas">${rows
    .map(
      (row) =>
        `<li><span class="title">${ideaLink(base, row.idea)}</span> ${statusBadge(row.status)} <span class="note">${row.note}</span></li>`,
    )
    .join('')}</ul>`;
}

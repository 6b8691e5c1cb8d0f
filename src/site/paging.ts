/**
 * Long lists split into pages, so no page of the site grows with the repository: a team of
 * 10,000 ideas was one 2.3 MB page. Page 1 keeps the list's own address (links from elsewhere
 * stay valid); page k is `<name>.p<k>.html` beside it. File keys are [a-z0-9_-] (fileKey), so a
 * `.` never appears in one and `sales.p2` can't be the page of a team called `sales.p2`.
 * The pager is plain links: keyboard-reachable, labelled for screen readers, no script.
 */
import { escapeHtml as h } from '../format/html-escape.js';

/** A page of a list: where it goes, its title, its body. */
export interface ListPage {
  path: string;
  title: string;
  body: string;
}

/** The page's own file name, for links between pages of one list in one folder. */
export const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Ideas per list page: about 50 KB of HTML at the benchmark's title lengths. */
export const PER_PAGE = 200;

/** Where page `k` (1-based) of the list whose first page is `first` lives. */
export function pageHref(first: string, k: number): string {
  return k <= 1 ? first : first.replace(/\.html$/, `.p${k}.html`);
}

/** `items` cut into pages of `size`; an empty list is one empty page (the list still has a home). */
export function splitPages<T>(items: readonly T[], size = PER_PAGE): T[][] {
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let at = 0; at < items.length; at += size) pages.push(items.slice(at, at + size));
  return pages;
}

/**
 * Links to every page of a list: previous, each number, next. `href(k)` is the link to page k
 * as seen from the current page; `label` names the list for a screen reader ("open ideas").
 * Nothing when the list fits on one page.
 */
export function pager(
  label: string,
  current: number,
  total: number,
  href: (k: number) => string,
): string {
  if (total <= 1) return '';
  const link = (k: number, text: string, rel = '') =>
    `<a href="${h(href(k))}"${rel ? ` rel="${rel}"` : ''}${k === current && !rel ? ' aria-current="page"' : ''}${/^\d+$/.test(text) ? ` aria-label="Page ${k}"` : ''}>${text}</a>`;
  const numbers: string[] = [];
  for (let k = 1; k <= total; k++) numbers.push(`<li>${link(k, String(k))}</li>`);
  const previous = current > 1 ? link(current - 1, 'Previous', 'prev') : '';
  const next = current < total ? link(current + 1, 'Next', 'next') : '';
  return `<nav class="pager" aria-label="Pages of ${h(label)}"><p class="small">Page ${current} of ${total}</p>${previous}<ol>${numbers.join('')}</ol>${next}</nav>`;
}

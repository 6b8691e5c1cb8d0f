/** The small HTML builders of the report page; every argument that is text gets escaped here. */
import { statusRole } from '../model/lifecycle.js';
import { escapeHtml as h } from '../format/html-escape.js';
import type { Report } from './report.js';

export function exitCount(exits: Record<string, number>): number {
  return Object.values(exits).reduce((a, b) => a + b, 0);
}

export function kpi(value: string, label: string, detail: string, cls = ''): string {
  return `<div class="kpi ${cls}"><div class="kpi-value">${h(value)}</div><div class="kpi-label">${h(label)}</div><div class="kpi-detail">${h(detail)}</div></div>`;
}

export function section(id: string, title: string, lead: string, body: string): string {
  return `<section id="${id}" class="panel" aria-labelledby="${id}-h"><h2 id="${id}-h">${h(title)}</h2><p class="lead">${lead}</p>${body}</section>`;
}

/**
 * A column of a table: `wide` ones give way on a phone so that the idea, its title and its
 * score stay in view; the `title` one keeps a width to read in instead of a word a line.
 */
export interface Column {
  label: string;
  wide?: boolean;
  title?: boolean;
}

function columnClass(column: string | Column): string {
  if (typeof column === 'string') return '';
  const names = [column.wide ? 'wide' : '', column.title ? 't' : ''].filter(Boolean);
  return names.length > 0 ? ` class="${names.join(' ')}"` : '';
}

/** Cells are HTML already escaped by the caller; `num` marks right-aligned figures. */
export function table(caption: string, head: (string | Column)[], rows: string[][]): string {
  const classes = head.map(columnClass);
  return `<div class="table"><table><caption>${h(caption)}</caption><thead><tr>${head
    .map(
      (cell, i) =>
        `<th scope="col"${classes[i] ?? ''}>${h(typeof cell === 'string' ? cell : cell.label)}</th>`,
    )
    .join('')}</tr></thead><tbody>${rows
    .map(
      (row) => `<tr>${row.map((cell, i) => `<td${classes[i] ?? ''}>${cell}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table></div>`;
}

/** The first `limit` items shown, the rest behind a collapsed `<details>`: every item is there. */
export function withMore(items: string[], limit: number, render: (items: string[]) => string) {
  if (items.length <= limit) return render(items);
  return `${render(items.slice(0, limit))}<details class="more"><summary>${h(`… and ${items.length - limit} more`)}</summary>${render(items.slice(limit))}</details>`;
}

/** A table of the first `limit` rows, and the rest in the same columns behind `<details>`. */
export function longTable(
  caption: string,
  head: (string | Column)[],
  rows: string[][],
  limit: number,
): string {
  if (rows.length <= limit) return table(caption, head, rows);
  return `${table(caption, head, rows.slice(0, limit))}<details class="more"><summary>${h(`… and ${rows.length - limit} more`)}</summary>${table(`${caption}, continued`, head, rows.slice(limit))}</details>`;
}

export function num(value: number | string): string {
  return `<span class="num">${h(String(value))}</span>`;
}

/** Where an idea's file opens on the forge; absent when the remote is no known forge. */
export type FileLink = ((path: string) => string) | undefined;

export function ideaCell(
  idea: { id: string; title: string; path: string },
  link: FileLink,
): string {
  const title = link ? `<a href="${h(link(idea.path))}">${h(idea.title)}</a>` : h(idea.title);
  return `<span class="id">${h(idea.id)}</span> ${title}`;
}

/** A status badge coloured by its role in the lifecycle, never by its name. */
export function status(value: string, lifecycle: Report['lifecycle']): string {
  return `<span class="status st-${statusRole(lifecycle, value)}">${h(value)}</span>`;
}

export function people(handles: string[]): string {
  return handles.map((who) => `<span class="person">${h(who)}</span>`).join(', ');
}

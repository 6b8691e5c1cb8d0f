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

/** Cells are HTML already escaped by the caller; `num` marks right-aligned figures. */
export function table(caption: string, head: string[], rows: string[][], cls = ''): string {
  return `<div class="table"><table${cls ? ` class="${cls}"` : ''}><caption>${h(caption)}</caption><thead><tr>${head
    .map((cell) => `<th scope="col">${h(cell)}</th>`)
    .join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

export function num(value: number | string): string {
  return `<span class="num">${h(String(value))}</span>`;
}

export function ideaCell(idea: { id: string; title: string }): string {
  return `<span class="id">${h(idea.id)}</span> ${h(idea.title)}`;
}

/** A status badge coloured by its role in the lifecycle, never by its name. */
export function status(value: string, lifecycle: Report['lifecycle']): string {
  return `<span class="status st-${statusRole(lifecycle, value)}">${h(value)}</span>`;
}

export function people(handles: string[]): string {
  return handles.map((who) => `<span class="person">${h(who)}</span>`).join(', ');
}

/**
 * `ideas changelog`: Markdown for release notes (the default), text for a terminal, JSON for a
 * bot. Every title and name is escaped; links are http(s) only (implemented_by is checked when
 * read) and the forge's own.
 */
import type { Changelog, DeliveredIdea } from '../history/changelog.js';
import type { ForgeLinks } from '../git/forge-url.js';
import { escapeMarkdown } from './md-escape.js';
import { sanitizeLine } from './sanitize.js';

export const CHANGELOG_FORMATS = ['md', 'text', 'json'] as const;
export type ChangelogFormat = (typeof CHANGELOG_FORMATS)[number];
export const CHANGELOG_SCHEMA = 1;

export function formatChangelog(
  format: ChangelogFormat,
  changelog: Changelog,
  links: ForgeLinks | undefined,
): string {
  if (format === 'json')
    return `${JSON.stringify({ schema: CHANGELOG_SCHEMA, ...changelog }, null, 2)}\n`;
  return format === 'md' ? changelogMarkdown(changelog, links) : changelogText(changelog);
}

function windowText(c: Changelog): string {
  const from = c.since.given === null ? 'the beginning' : c.since.given;
  const to = c.until.given === null ? c.until.day : c.until.given;
  return `Delivered from ${from} to ${to}`;
}

/** A link target inside Markdown's `(…)`: spaces and parentheses would end it early. */
function target(url: string): string {
  return url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function implementation(entry: DeliveredIdea['implementedBy'][number], links?: ForgeLinks) {
  if (entry.kind === 'url') return `[${escapeMarkdown(shortUrl(entry.url))}](${target(entry.url)})`;
  const code = `\`${entry.revision.replace(/`/g, '')}\``;
  return links ? `[${code}](${target(links.revision(entry.revision))})` : code;
}

/** `github.com/acme/shop/pull/812` reads better than the whole URL. */
function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

function changelogMarkdown(c: Changelog, links: ForgeLinks | undefined): string {
  const e = escapeMarkdown;
  const lines = [`## ${e(windowText(c))}`, ''];
  if (c.delivered.length === 0)
    return `${[...lines, 'Nothing was delivered in this window.'].join('\n')}\n`;
  for (const d of c.delivered) {
    const title = links ? `[${e(d.title)}](${target(links.file(d.path))})` : e(d.title);
    lines.push(`- **${title}** (\`${d.id}\`, ${e(d.status)} ${d.delivered})`);
    lines.push(`  - proposed by ${e(d.authors.join(', '))}`);
    if (d.voters.length > 0)
      lines.push(
        `  - backed by ${e(d.voters.join(', '))} (${d.voters.length} ${d.voters.length === 1 ? 'voter' : 'voters'})`,
      );
    if (d.customers.length > 0) lines.push(`  - asked for by ${e(d.customers.join(', '))}`);
    if (d.implementedBy.length > 0)
      lines.push(
        `  - implemented by ${d.implementedBy.map((i) => implementation(i, links)).join(', ')}`,
      );
  }
  lines.push('', '### Thanks', '');
  lines.push(`Ideas by ${e(c.thanks.authors.join(', '))}.`);
  if (c.thanks.voters.length > 0) lines.push(`Backed by ${e(c.thanks.voters.join(', '))}.`);
  if (c.thanks.customers.length > 0)
    lines.push(`Asked for by ${e(c.thanks.customers.join(', '))}.`);
  return `${lines.join('\n')}\n`;
}

function changelogText(c: Changelog): string {
  const s = sanitizeLine;
  const lines = [s(windowText(c)), ''];
  if (c.delivered.length === 0)
    return `${[...lines, 'Nothing was delivered in this window.'].join('\n')}\n`;
  for (const d of c.delivered) {
    lines.push(`${d.delivered}  ${d.id}  ${s(d.title)}  [${s(d.status)}]`);
    lines.push(
      `    by ${s(d.authors.join(', '))}${d.voters.length > 0 ? `; backed by ${s(d.voters.join(', '))}` : ''}`,
    );
    if (d.customers.length > 0) lines.push(`    asked for by ${s(d.customers.join(', '))}`);
    for (const i of d.implementedBy) lines.push(`    ${s(i.kind === 'url' ? i.url : i.revision)}`);
  }
  return `${lines.join('\n')}\n`;
}

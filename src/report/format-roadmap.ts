/**
 * `ideas roadmap` as text, Markdown, JSON or one self-contained HTML page (no script, one
 * stylesheet allowed by its hash, light and dark, a table per stage that keeps id, title and
 * days in view on a phone). Every string from a file is escaped for its format.
 */
import { createHash } from 'node:crypto';
import type { ForgeLinks } from '../git/forge-url.js';
import { escapeHtml as h } from '../format/html-escape.js';
import { escapeMarkdown } from '../format/md-escape.js';
import { sanitizeLine } from '../format/sanitize.js';
import type { Roadmap, RoadmapIdea } from './roadmap.js';

export const ROADMAP_FORMATS = ['text', 'md', 'json', 'html'] as const;
export type RoadmapFormat = (typeof ROADMAP_FORMATS)[number];
export const ROADMAP_SCHEMA = 1;

export function formatRoadmap(
  format: RoadmapFormat,
  roadmap: Roadmap,
  links: ForgeLinks | undefined,
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ schema: ROADMAP_SCHEMA, ...roadmap }, null, 2)}\n`;
    case 'md':
      return roadmapMarkdown(roadmap, links);
    case 'html':
      return roadmapHtml(roadmap, links);
    default:
      return roadmapText(roadmap);
  }
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function roadmapText(r: Roadmap): string {
  const s = sanitizeLine;
  const lines = [`Roadmap on ${r.today}: ${count(total(r), 'idea')} past review`, ''];
  for (const stage of r.stages) {
    lines.push(`${s(stage.status).toUpperCase()} (${stage.ideas.length})`);
    if (stage.ideas.length === 0) lines.push('  nothing here');
    for (const i of stage.ideas)
      lines.push(
        `  ${i.id}  ${s(i.title)}  ${i.days} d since ${i.since}  ${count(i.votes, 'vote')}  by ${s(i.authors.join(', '))}${i.team ? `, ${s(i.team)}` : ''}${i.theme ? `  theme: ${s(i.theme.title)}` : ''}`,
      );
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function total(r: Roadmap): number {
  return r.stages.reduce((n, s) => n + s.ideas.length, 0);
}

function roadmapMarkdown(r: Roadmap, links: ForgeLinks | undefined): string {
  const e = escapeMarkdown;
  const title = (i: RoadmapIdea) => (links ? `[${e(i.title)}](${links.file(i.path)})` : e(i.title));
  const lines = [`## Roadmap on ${r.today}`, '', `${count(total(r), 'idea')} past review.`, ''];
  for (const stage of r.stages) {
    lines.push(`### ${e(stage.status)} (${stage.ideas.length})`, '');
    if (stage.ideas.length === 0) {
      lines.push('Nothing here.', '');
      continue;
    }
    lines.push('| id | idea | days | since | votes | authors | team | theme |');
    lines.push('| --- | --- | ---: | --- | ---: | --- | --- | --- |');
    for (const i of stage.ideas)
      lines.push(
        `| \`${i.id}\` | ${title(i)} | ${i.days} | ${i.since} | ${i.votes} | ${e(i.authors.join(', '))} | ${e(i.team ?? '')} | ${e(i.theme?.title ?? '')} |`,
      );
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

const STYLE = `:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--line:#d0d7de;--accent:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--line:#30363d;--accent:#4493f8}}
body{margin:0 auto;max-width:72rem;padding:1rem;font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;margin:1.6rem 0 .4rem;text-transform:capitalize}
p.lead{color:var(--muted);margin:0 0 1rem}a{color:var(--accent)}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}code{font-size:.9em}
@media (max-width:40rem){.wide{display:none}td.t{min-width:10rem}}`;

function roadmapHtml(r: Roadmap, links: ForgeLinks | undefined): string {
  const hash = createHash('sha256').update(STYLE, 'utf8').digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`;
  const title = (i: RoadmapIdea) =>
    links ? `<a href="${h(links.file(i.path))}">${h(i.title)}</a>` : h(i.title);
  const sections = r.stages
    .map((stage) => {
      const rows = stage.ideas
        .map(
          (i) =>
            `<tr><td><code>${h(i.id)}</code></td><td class="t">${title(i)}</td><td class="n">${i.days}</td><td class="n">${i.votes}</td><td class="wide">${h(i.since)}</td><td class="wide">${h(i.authors.join(', '))}</td><td class="wide">${h(i.team ?? '')}</td><td class="wide">${h(i.theme?.title ?? '')}</td></tr>`,
        )
        .join('\n');
      const body =
        stage.ideas.length === 0
          ? '<p>Nothing here.</p>'
          : `<div class="scroll"><table><caption class="wide">Ideas ${h(stage.status)}, longest first</caption><thead><tr><th scope="col">id</th><th scope="col">idea</th><th scope="col" class="n">days</th><th scope="col" class="n">votes</th><th scope="col" class="wide">since</th><th scope="col" class="wide">authors</th><th scope="col" class="wide">team</th><th scope="col" class="wide">theme</th></tr></thead><tbody>${rows}</tbody></table></div>`;
      return `<section aria-labelledby="s-${h(stage.status)}"><h2 id="s-${h(stage.status)}">${h(stage.status)} (${stage.ideas.length})</h2>${body}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Roadmap on ${h(r.today)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Roadmap</h1>
<p class="lead">${h(count(total(r), 'idea'))} past review on ${h(r.today)}, by stage; days are how long each has stood in its stage.</p>
${sections}
</main>
</body>
</html>
`;
}

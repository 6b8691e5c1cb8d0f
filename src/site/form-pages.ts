/** The search page and the "Propose an idea" page: both are filled in by the site's script. */
import { escapeHtml as h } from '../format/html-escape.js';
import type { TemplateSection } from '../parse/template.js';

export function searchPage(): string {
  return `<h1>Search ideas</h1>
<form class="search-big" role="search" action="search.html" method="get" data-search>
<label for="search-q">Words from a title, the text or a tag</label>
<div class="row"><input id="search-q" name="q" type="search" autocomplete="off" aria-describedby="search-hint" aria-controls="search-results"><button type="submit">Search</button></div>
<p class="hint" id="search-hint">Every word must match, the last one as a prefix. <code>status:accepted</code>, <code>team:sales</code> and <code>tag:pricing</code> narrow the results.</p>
</form>
<p id="search-status" class="muted" role="status" aria-live="polite"></p>
<ol id="search-results" class="ideas results" aria-label="Results"></ol>
<noscript><p>Search runs in your browser and needs JavaScript.</p></noscript>`;
}

export interface ProposeInput {
  sections: readonly TemplateSection[];
  teams: string[];
  themes: { id: string; title: string }[];
  campaigns: { name: string; question: string }[];
  people: string[];
  where: string;
}

export function proposePage(input: ProposeInput): string {
  const options = (list: { value: string; label: string }[]) =>
    `<option value="">(none)</option>${list.map((o) => `<option value="${h(o.value)}">${h(o.label)}</option>`).join('')}`;
  const select = (id: string, label: string, list: { value: string; label: string }[]) =>
    list.length === 0
      ? ''
      : `<label for="${id}">${h(label)}</label><select id="${id}" name="${id.replace('idea-', '')}">${options(list)}</select>`;
  const sections = input.sections
    .map(
      (s, i) =>
        `<label for="idea-section-${i}">${h(s.heading)}</label><textarea id="idea-section-${i}" data-heading="${h(s.heading)}" rows="5" required></textarea>`,
    )
    .join('\n');
  return `<h1>Propose an idea</h1>
<p class="lead">Write it down here. The button opens ${h(input.where)}'s editor with the idea file filled in: commit it there to open a pull request. CI checks it, people vote on it, reviewers decide.</p>
<form class="act propose" data-propose data-people="${h(input.people.join(' '))}" data-sections="${input.sections.length}" novalidate>
<label for="idea-handle">Your handle</label>
<input id="idea-handle" name="handle" autocomplete="username" spellcheck="false" aria-describedby="idea-handle-hint" required>
<p class="hint" id="idea-handle-hint">Your name in this repository (remembered in this browser).</p>
<label for="idea-title">Title</label>
<input id="idea-title" name="title" maxlength="200" required>
${select(
  'idea-team',
  'Team',
  input.teams.map((t) => ({ value: t, label: t })),
)}
<label for="idea-tags">Tags <span class="muted">(optional, comma-separated)</span></label>
<input id="idea-tags" name="tags" autocomplete="off">
${select(
  'idea-parent',
  'Theme it serves',
  input.themes.map((t) => ({ value: t.id, label: `${t.title} (${t.id})` })),
)}
${select(
  'idea-campaign',
  'Campaign it answers',
  input.campaigns.map((c) => ({ value: c.name, label: c.question })),
)}
${sections}
<div class="actions"><a class="button" id="propose-link" data-action="propose" aria-disabled="true">Open the idea in ${h(input.where)}</a></div>
<div class="draft" id="propose-draft" aria-live="polite"></div>
</form>
<noscript><p>This form needs JavaScript. Without it, copy <code>templates/idea.md</code> to <code>ideas/&lt;id&gt;-&lt;title&gt;.md</code> in the repository and open a pull request.</p></noscript>`;
}

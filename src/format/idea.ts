/** `ideas show`: one idea for the terminal or as JSON. Formatters return strings. */
import { Chalk } from 'chalk';
import type { IdeaDetail } from '../model/idea-detail.js';
import { JSON_SCHEMA } from './json-schema-version.js';
import { wrapLine } from './columns.js';
import { sanitizeForTerminal, sanitizeLine } from './sanitize.js';

/** `show --format json` (documented in the README: keep it stable). */
export function ideaJson(detail: IdeaDetail): string {
  const { idea } = detail;
  const data = {
    schema: JSON_SCHEMA,
    id: idea.id,
    title: idea.title,
    kind: idea.kind,
    status: detail.status,
    countsFor: detail.countsFor ?? null,
    team: detail.team ?? null,
    authors: idea.authors,
    created: idea.created,
    tags: idea.tags,
    campaign: idea.campaign ?? null,
    parent: idea.parent ?? null,
    estimates: idea.estimates,
    path: idea.path,
    body: idea.body,
    votes: detail.support.votes,
    points: detail.support.points,
    decisions: detail.decisions.map((d) => ({
      date: d.date,
      status: d.status,
      reviewers: d.reviewers,
      duplicateOf: d.duplicate_of ?? null,
      scores: d.scores,
      rationale: d.rationale,
    })),
    voteRecords: detail.votes.map((v) => ({
      idea: v.idea,
      voter: v.voter,
      points: v.points,
      date: v.date,
      customers: v.customers,
      comment: v.comment,
    })),
    customers: detail.customers,
    children: detail.children.map(({ idea: child, status }) => ({
      id: child.id,
      title: child.title,
      status,
    })),
    duplicates: detail.duplicates,
    similar: detail.similar.map(({ idea: other, score }) => ({
      id: other.id,
      title: other.title,
      score: Math.round(score * 1000) / 1000,
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

export function ideaText(
  detail: IdeaDetail,
  {
    color,
    statusOf,
    width = 80,
  }: { color: boolean; statusOf: (id: string) => string; width?: number },
): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const { idea } = detail;
  const line = sanitizeLine;
  const out: string[] = [];
  out.push(c.bold(`${line(idea.title)}`));
  out.push(
    `${c.dim(line(idea.id))}  ${c.cyan(line(detail.status))}${idea.kind === 'theme' ? '  theme' : ''}${
      detail.countsFor ? `  (votes count for ${line(detail.countsFor)})` : ''
    }`,
  );
  const facts: [string, string][] = [
    ['authors', idea.authors.join(', ')],
    ['team', detail.team ?? '–'],
    ['created', idea.created],
  ];
  if (idea.tags.length > 0) facts.push(['tags', idea.tags.join(', ')]);
  if (idea.campaign) facts.push(['campaign', idea.campaign]);
  if (detail.theme) facts.push(['theme', `${detail.theme.id}  ${detail.theme.title}`]);
  const estimates = Object.entries(idea.estimates);
  if (estimates.length > 0)
    facts.push(['estimates', estimates.map(([k, v]) => `${k} ${v}`).join(', ')]);
  facts.push(['support', `${detail.support.votes} voters, ${detail.support.points} points`]);
  for (const [key, value] of facts)
    wrapLine(line(value), width - 11).forEach((text, index) =>
      out.push(`${index === 0 ? c.dim(key.padEnd(10)) : ' '.repeat(10)} ${text}`),
    );

  const body = sanitizeForTerminal(idea.body).trim();
  if (body) {
    out.push('');
    for (const text of body.split('\n'))
      out.push(
        /^#{1,6}\s/.test(text)
          ? c.bold(text.replace(/^#{1,6}\s+/, ''))
          : text.trim() === ''
            ? ''
            : `  ${text}`,
      );
  }

  out.push('', c.bold(`Decisions (${detail.decisions.length})`));
  if (detail.decisions.length === 0) out.push(c.dim('  none yet: the idea is waiting for review'));
  for (const d of detail.decisions) {
    const dup = d.duplicate_of ? ` of ${line(d.duplicate_of)}` : '';
    out.push(`  ${d.date}  ${c.cyan(line(d.status))}${dup}  by ${line(d.reviewers.join(', '))}`);
    const scores = Object.entries(d.scores);
    if (scores.length > 0)
      out.push(`    scores: ${line(scores.map(([k, v]) => `${k} ${v}`).join(', '))}`);
    for (const text of sanitizeForTerminal(d.rationale).trim().split('\n'))
      if (text.trim()) out.push(`    ${text}`);
  }

  out.push('', c.bold(`Votes (${detail.votes.length})`));
  if (detail.votes.length === 0) out.push(c.dim('  none yet'));
  for (const v of detail.votes) {
    const via = v.idea !== idea.id ? c.dim(` (on duplicate ${line(v.idea)})`) : '';
    const customers = v.customers.length > 0 ? `  customers: ${line(v.customers.join(', '))}` : '';
    out.push(
      `  ${v.date}  ${line(v.voter)}  ${v.points > 0 ? '+' : ''}${v.points}${via}${customers}`,
    );
    for (const text of sanitizeForTerminal(v.comment).trim().split('\n'))
      if (text.trim()) out.push(`    ${c.italic(text)}`);
  }

  if (detail.customers.length > 0) {
    out.push('', c.bold('Customers'));
    out.push(`  ${detail.customers.map((x) => `${line(x.name)} (${x.votes})`).join(', ')}`);
  }
  if (detail.children.length > 0) {
    out.push('', c.bold(`Ideas under this theme (${detail.children.length})`));
    const idWidth = Math.max(...detail.children.map((child) => child.idea.id.length));
    for (const child of detail.children)
      out.push(
        `  ${line(child.idea.id).padEnd(idWidth)}  ${line(child.status).padEnd(11)}  ${line(child.idea.title)}`,
      );
  }
  if (detail.duplicates.length > 0)
    out.push('', `${c.bold('Duplicates folded in:')} ${line(detail.duplicates.join(', '))}`);
  if (detail.similar.length > 0) {
    out.push('', c.bold('Similar ideas'));
    const idWidth = Math.max(...detail.similar.map((match) => match.idea.id.length));
    for (const { idea: other, score } of detail.similar)
      out.push(
        `  ${line(other.id).padEnd(idWidth)}  ${score.toFixed(2)}  ${line(statusOf(other.id)).padEnd(11)}  ${line(other.title)}`,
      );
  }
  // Long facts, paragraphs and comments wrap so that nothing runs past the terminal's edge.
  return `${out.flatMap((text) => wrapLine(text, width)).join('\n')}\n`;
}

/**
 * The demo repository's history, generated (pure and seeded, so every run is the same):
 * each idea, vote and decision is a commit by its person on its date, over six months.
 */
import { stringify } from 'yaml';
import { DEFAULT_LIFECYCLE } from '../schema/config.js';
import { parseTemplate } from '../parse/template.js';
import {
  SAMPLE_CAMPAIGN,
  SAMPLE_DUPLICATES,
  SAMPLE_IDEAS,
  SAMPLE_PATHS,
  SAMPLE_PEOPLE,
  SAMPLE_RATIONALES,
  SAMPLE_REVIEWERS,
  SAMPLE_TEAMS,
} from './sample-ideas.js';
import { slugify } from '../model/layout.js';

export interface DemoCommit {
  date: string; // ISO timestamp, UTC
  author: string;
  message: string;
  files: Record<string, string>;
}

const START = Date.UTC(2026, 4, 4); // 2026-05-04
const END = Date.UTC(2026, 10, 20); // 2026-11-20
const DAY = 86_400_000;

/** mulberry32: a small, well-known seeded generator; quality is plenty for sample data. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const DEMO_EMAIL_DOMAIN = 'northwind.example';

const COMMENTS = [
  'Customers ask me about this every week.',
  'This would save our team hours.',
  'Two of my accounts mentioned it on calls this month.',
  'We tried something like it at my last job and it worked.',
  'Small change, big difference for customers.',
  'I hear this in almost every complaint call.',
];
const CUSTOMERS = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark-industries'];

export function demoConfigText(): string {
  const teams = Object.entries(SAMPLE_TEAMS)
    .map(
      ([key, team]) =>
        `  ${key}: {${team.parent ? `parent: ${team.parent}, ` : ''}name: ${team.name}}`,
    )
    .join('\n');
  const people = SAMPLE_PEOPLE.map(
    ([handle, team]) => `  ${handle}: {emails: [${handle}@${DEMO_EMAIL_DOMAIN}], team: ${team}}`,
  ).join('\n');
  return `# ideas.config.yaml: settings of this ideas repository (a demo: Northwind Goods).
version: 1

# Teams roll up: sales -> commercial -> company.
teams:
${teams}

# Handles, their git emails (for "ideas vote") and their teams.
people:
${people}

# Who may write decisions.
reviewers: [${SAMPLE_REVIEWERS.join(', ')}]

voting:
  mode: simple        # simple | budget | quadratic
  budget: 10
  downvotes: false
  self_votes: false

ranking:
  model: votes        # votes | weighted | rice | ice | wsjf | wilson | hot
  half_life_days: 30

review:
  criteria: [impact, feasibility]
  quorum: 1
  threshold: 5        # votes that put a proposed idea in the review queue
  stale_after_days: 30

campaigns:
  ${SAMPLE_CAMPAIGN.key}: {question: "${SAMPLE_CAMPAIGN.question}", opens: ${SAMPLE_CAMPAIGN.opens}, closes: ${SAMPLE_CAMPAIGN.closes}}
`;
}

function frontMatter(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data, { flowCollectionPadding: false, lineWidth: 0 }).trimEnd()}\n---\n${body}`;
}

export function generateDemoHistory(templateText: string): DemoCommit[] {
  const random = seeded(20261124);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (from: number, to: number) =>
    from + Math.floor(random() * Math.max(1, to - from));
  const at = (ms: number) =>
    new Date(ms + (9 * 60 + Math.floor(random() * 480)) * 60_000).toISOString();
  // Ideas follow whatever template ships, so they always validate.
  const sections = parseTemplate(templateText).sections.map((section) => section.heading);

  const commits: DemoCommit[] = [
    {
      date: at(START - 3 * DAY),
      author: 'carol',
      message: 'Start the ideas repository',
      files: { 'ideas.config.yaml': demoConfigText(), 'templates/idea.md': templateText },
    },
  ];

  const ids = SAMPLE_IDEAS.map(() => {
    const letters = 'abcdefghijkmnpqrstuvwxyz';
    const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
    let id = pick([...letters]);
    for (let i = 0; i < 5; i++) id += pick([...alphabet]);
    return id;
  });

  SAMPLE_IDEAS.forEach((sample, index) => {
    const path = SAMPLE_PATHS[index] ?? [];
    // Longer stories start earlier so that every step fits before the end of the sample.
    const latestStart = END - (path.length * 24 + 10) * DAY;
    const created =
      sample.kind === 'theme'
        ? START + index * DAY
        : between(START + 4 * DAY, Math.max(START + 5 * DAY, latestStart));
    const id = ids[index] as string;
    const data: Record<string, unknown> = {
      id,
      title: sample.title,
      authors: [sample.author],
      team: sample.team,
      created: day(created),
      tags: sample.tags,
      kind: sample.kind ?? 'idea',
    };
    if (sample.parent !== undefined) data.parent = ids[sample.parent];
    if (sample.campaign) data.campaign = sample.campaign;
    if (sample.estimates) data.estimates = sample.estimates;
    const texts = [sample.problem, sample.proposal, sample.evidence];
    const body = sections
      .map((heading, i) => `## ${heading}\n${texts[i] ?? texts.at(-1)}\n`)
      .join('\n');
    commits.push({
      date: at(created),
      author: sample.author,
      message: `Propose "${sample.title}"`,
      files: { [`ideas/${id}-${slugify(sample.title)}.md`]: frontMatter(data, body) },
    });

    // Decisions, 6 to 24 days apart; the first once the idea has gathered some votes.
    let when = created;
    let closedAt = END;
    path.forEach((status, step) => {
      when += between(6, 24) * DAY;
      const reviewer =
        status === DEFAULT_LIFECYCLE.withdrawal
          ? sample.author
          : (SAMPLE_REVIEWERS[step % SAMPLE_REVIEWERS.length] as string);
      const decision: Record<string, unknown> = {
        idea: id,
        status,
        date: day(when),
        reviewers: [reviewer],
      };
      if (DEFAULT_LIFECYCLE.successor.includes(status))
        decision.duplicate_of = ids[SAMPLE_DUPLICATES[index] ?? 0];
      if (status === 'accepted')
        decision.scores = { impact: between(3, 6), feasibility: between(2, 6) };
      commits.push({
        date: at(when),
        author: reviewer,
        message: `Decide ${id}: ${status}`,
        files: {
          [`decisions/${id}/${day(when)}-${status}.md`]: frontMatter(
            decision,
            `${SAMPLE_RATIONALES[status] ?? ''}\n`,
          ),
        },
      });
      if (DEFAULT_LIFECYCLE.closed.includes(status)) closedAt = when;
    });

    if (sample.kind === 'theme') return;
    for (const [voter, team] of SAMPLE_PEOPLE) {
      if (voter === sample.author || random() > sample.appeal * 0.62 + 0.04) continue;
      const date = between(created + DAY, Math.min(closedAt, END));
      const vote: Record<string, unknown> = { idea: id, voter, points: 1, date: day(date) };
      if ((team === 'sales' || team === 'support') && random() < 0.35)
        vote.customers = [pick(CUSTOMERS)];
      const comment = random() < 0.3 ? `${pick(COMMENTS)}\n` : '';
      commits.push({
        date: at(date),
        author: voter,
        message: `Vote for ${id}`,
        files: { [`votes/${id}/${voter}.md`]: frontMatter(vote, comment) },
      });
    }
  });
  return commits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * A small hand-built repository whose every score is worked out by hand in the tests:
 * ties by age and by id, missing estimates, a duplicate, a theme, a closed idea, a downvote.
 */
import type { Tree } from '../helpers/repo.js';

export interface IdeaSpec {
  id: string;
  title?: string;
  created: string;
  team?: string;
  tags?: string[];
  kind?: 'theme';
  parent?: string;
  campaign?: string;
  estimates?: Record<string, number>;
}

export function ideaFile(spec: IdeaSpec): Tree {
  const lines = [
    '---',
    `id: ${spec.id}`,
    `title: ${JSON.stringify(spec.title ?? `Idea ${spec.id}`)}`,
    'authors: [erin]',
    `created: ${spec.created}`,
  ];
  if (spec.team) lines.push(`team: ${spec.team}`);
  if (spec.tags) lines.push(`tags: [${spec.tags.join(', ')}]`);
  if (spec.kind) lines.push(`kind: ${spec.kind}`);
  if (spec.parent) lines.push(`parent: ${spec.parent}`);
  if (spec.campaign) lines.push(`campaign: ${spec.campaign}`);
  if (spec.estimates)
    lines.push(
      'estimates:',
      ...Object.entries(spec.estimates).map(([key, value]) => `  ${key}: ${value}`),
    );
  lines.push(
    '---',
    '## Problem',
    `The problem ${spec.id} solves.`,
    '',
    '## Proposal',
    'Do it.',
    '',
    '## Evidence',
    'Customers asked for it.',
    '',
  );
  return { [`ideas/${spec.id}-idea.md`]: lines.join('\n') };
}

export function voteFile(
  idea: string,
  voter: string,
  date: string,
  points = 1,
  extra: { comment?: string; customers?: string[] } = {},
): Tree {
  const customers = extra.customers ? `customers: [${extra.customers.join(', ')}]\n` : '';
  return {
    [`votes/${idea}/${voter}.md`]: `---\nidea: ${idea}\nvoter: ${voter}\npoints: ${points}\ndate: ${date}\n${customers}---\n${extra.comment ?? ''}\n`,
  };
}

export function decisionFile(
  idea: string,
  date: string,
  status: string,
  extra: { duplicateOf?: string; rationale?: string } = {},
): Tree {
  const dup = extra.duplicateOf ? `duplicate_of: ${extra.duplicateOf}\n` : '';
  return {
    [`decisions/${idea}/${date}-${status}.md`]: `---\nidea: ${idea}\nstatus: ${status}\ndate: ${date}\nreviewers: [carol]\n${dup}---\n${extra.rationale ?? 'Because.'}\n`,
  };
}

export function configFile(voting = 'mode: simple, budget: 10, downvotes: true'): Tree {
  return {
    'ideas.config.yaml': `version: 1
teams:
  company: {}
  commercial: {parent: company}
  sales: {parent: commercial}
  platform: {parent: company}
reviewers: [carol]
voting: {${voting}}
ranking: {model: votes, half_life_days: 10}
review: {threshold: 2, stale_after_days: 30}
campaigns:
  faster: {question: "How do we ship faster?", closes: 2027-01-31}
`,
  };
}

/** Scores by hand (today 2026-11-24, half-life 10 days) are in tests/rank/models.test.ts. */
export function handBuiltTree(): Tree {
  return {
    ...configFile(),
    ...ideaFile({ id: 'theme', created: '2025-12-01', kind: 'theme', title: 'Ship faster' }),
    ...ideaFile({
      id: 'alpha',
      created: '2026-01-01',
      team: 'sales',
      tags: ['x', 'y'],
      parent: 'theme',
      estimates: {
        reach: 100,
        impact: 2,
        confidence: 0.5,
        effort: 4,
        value: 3,
        time_criticality: 2,
        risk_reduction: 1,
        job_size: 2,
      },
    }),
    ...ideaFile({
      id: 'beta',
      created: '2026-01-02',
      team: 'platform',
      tags: ['y'],
      parent: 'theme',
      campaign: 'faster',
      estimates: {
        reach: 50,
        impact: 1,
        confidence: 1,
        effort: 2,
        ease: 5,
        value: 1,
        time_criticality: 1,
        risk_reduction: 1,
        job_size: 1,
      },
    }),
    ...ideaFile({ id: 'gamma', created: '2026-01-01', team: 'commercial' }),
    ...ideaFile({
      id: 'delta',
      created: '2026-01-03',
      estimates: { reach: 10, impact: 1, confidence: 1, effort: 0 },
    }),
    ...ideaFile({ id: 'eta', created: '2026-01-03' }),
    ...ideaFile({ id: 'dupe', created: '2026-01-04', team: 'sales' }),
    ...ideaFile({ id: 'old', created: '2025-06-01' }),
    // alpha: alice, bob (own vote wins over his older one on dupe), carol via dupe.
    ...voteFile('alpha', 'alice', '2026-11-01', 1, { customers: ['acme'] }),
    ...voteFile('alpha', 'bob', '2026-11-14', 1, { comment: 'Two accounts asked.' }),
    ...voteFile('dupe', 'bob', '2026-10-01', 1),
    ...voteFile('dupe', 'carol', '2026-11-19', 1, { customers: ['acme', 'globex'] }),
    ...decisionFile('dupe', '2026-11-20', 'duplicate', { duplicateOf: 'alpha' }),
    // beta: one up, one down.
    ...voteFile('beta', 'alice', '2026-11-24', 1),
    ...voteFile('beta', 'dave', '2026-11-24', -1),
    ...decisionFile('eta', '2026-10-01', 'reviewing'),
    ...voteFile('gamma', 'alice', '2026-11-24', 1),
    ...voteFile('gamma', 'bob', '2026-11-04', 1),
    // Closed: not ranked unless asked for.
    ...voteFile('old', 'alice', '2026-01-01', 1),
    ...decisionFile('old', '2026-02-01', 'reviewing'),
    ...decisionFile('old', '2026-03-01', 'accepted'),
    ...decisionFile('old', '2026-04-01', 'prototyping'),
    ...decisionFile('old', '2026-05-01', 'validated'),
    ...decisionFile('old', '2026-06-01', 'shipped'),
  };
}

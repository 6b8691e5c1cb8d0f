/**
 * Attacks through handles that differ only in case. One vote per voter per idea compares names
 * without case (vote/duplicate), and so does who may write a vote (policy/vote-voter: forge
 * logins ignore case), so bob may commit a vote as "Bob". The budget and the self-vote rule
 * must then count "bob" and "Bob" as one person too.
 */
import { describe, expect, it } from 'vitest';
import { checkAs, repoOnBranch, rulesOf } from './helpers/check-flow.js';
import { runCli } from './helpers/cli.js';
import { commitAs, decisionText, ideaText, voteText } from './helpers/forge.js';
import { commitAll, makeRepo } from './helpers/repo.js';

const CONFIG = `version: 1
reviewers: [carol]
voting: {mode: budget, budget: 4}
`;

const four = (idea: string, voter: string) =>
  voteText(idea, voter).replace('points: 1', 'points: 4');

function repo(): string {
  return repoOnBranch({
    'ideas.config.yaml': CONFIG,
    'ideas/ship1-overnight-shipping.md': ideaText('ship1', 'Overnight shipping', ['alice']),
    'ideas/chat2-live-chat.md': ideaText('chat2', 'Live chat', ['carol']),
    'votes/ship1/bob.md': four('ship1', 'bob'),
  });
}

const validate = (root: string) => runCli(['validate', '--format', 'json'], { cwd: root });

describe('a budget counts a voter once, whatever the case of their name', () => {
  // Found by this attack: bob spent his budget twice, as "bob" and as "Bob" (fixed on main).
  it('validate and check refuse a second budget spent as "Bob"', async () => {
    const root = repo();
    commitAs(root, 'bob', { 'votes/chat2/Bob.md': four('chat2', 'Bob') }, 'Bob votes');
    const validated = await validate(root);
    expect(validated.code).toBe(1);
    expect(rulesOf(validated)).toContain('vote/budget');
    const check = await checkAs(root, 'bob');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/vote\/budget/);
  });

  it('one voter in two cases on one idea is refused (the rule the budget should match)', async () => {
    const root = repo();
    commitAs(root, 'bob', { 'votes/ship1/Bob.md': voteText('ship1', 'Bob') }, 'Bob votes');
    const validated = await validate(root);
    expect(validated.code).toBe(1);
    expect(rulesOf(validated)).toContain('vote/duplicate');
  });

  // Found by this attack: bob voted for his own idea as "Bob" and check passed (fixed on main).
  it('an author voting for their own idea as "Bob" is refused', async () => {
    const root = repoOnBranch({
      'ideas.config.yaml': CONFIG,
      'ideas/ship1-overnight-shipping.md': ideaText('ship1', 'Overnight shipping', ['bob']),
    });
    commitAs(root, 'bob', { 'votes/ship1/Bob.md': voteText('ship1', 'Bob') }, 'Bob votes');
    const check = await checkAs(root, 'bob');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/vote\/self-vote/);
  });

  it('a voter named "Bob" is the person bob under people: no unknown-voter warning', async () => {
    const root = makeRepo({
      'ideas.config.yaml': `${CONFIG}people:\n  bob: {emails: [bob@example.com]}\n  alice: {emails: [alice@example.com]}\n`,
      'ideas/ship1-overnight-shipping.md': ideaText('ship1', 'Overnight shipping', ['Alice']),
      'votes/ship1/Bob.md': voteText('ship1', 'Bob'),
      'votes/ship1/zed.md': voteText('ship1', 'zed'),
    });
    const validated = await validate(root);
    const unknown = JSON.parse(validated.stdout)
      .problems.filter((p: { rule: string }) => /unknown-(voter|person)/.test(p.rule))
      .map((p: { file: string }) => p.file);
    // zed is nobody under people: the rule still speaks where it should.
    expect(unknown).toEqual(['votes/ship1/zed.md']);
  });
});

describe('the report counts a person once, whatever the case of their name', () => {
  // Found by review: distinct authors, voters and reviewers were counted by spelling, so
  // "Bob" and "bob" were two people, and "Bob" belonged to no team.
  it('totals, participation, contributors, the period, campaigns and reviewer load', async () => {
    const root = makeRepo(
      {
        'ideas.config.yaml': `version: 1
teams: {sales: {}}
people:
  bob: {emails: [bob@example.com], team: sales}
reviewers: [carol]
campaigns:
  speed: {question: "How do we ship faster?", closes: 2026-12-31}
`,
        'ideas/ship1-overnight-shipping.md': ideaText('ship1', 'Overnight shipping', [
          'alice',
        ]).replace('created: 2026-11-01', 'created: 2026-11-20\ncampaign: speed'),
        'ideas/chat2-live-chat.md': ideaText('chat2', 'Live chat', ['Alice']).replace(
          'created: 2026-11-01',
          'created: 2026-11-20\ncampaign: speed',
        ),
        'votes/ship1/Bob.md': voteText('ship1', 'Bob').replace('2026-11-10', '2026-11-21'),
        'votes/chat2/bob.md': voteText('chat2', 'bob').replace('2026-11-10', '2026-11-21'),
        'decisions/ship1/2026-11-22-reviewing.md': decisionText(
          'ship1',
          'reviewing',
          '2026-11-22',
          ['Carol'],
        ),
      },
      { commit: false },
    );
    // Git dates are the record dates: inside the report's current period.
    commitAll(root, 'initial', '2026-11-22T12:00:00Z');
    const result = await runCli(['report', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.totals).toMatchObject({ authors: 1, voters: 1 });
    expect(report.participation).toMatchObject({ authors: 1, voters: 1 });
    // Bob is the person bob, of sales: his votes count there, not under "(no team)".
    const sales = report.participation.teams.find((t: { team: string }) => t.team === 'sales');
    expect(sales.own).toMatchObject({ votes: 2, voters: 1 });
    const newPeople = report.participation.newContributors.flatMap(
      (m: { people: string[] }) => m.people,
    );
    // bob is under people: shown so. alice is not: the first spelling met (chat2's, by path).
    expect(newPeople).toEqual(['Alice', 'bob']);
    expect(report.people.contributors).toEqual([
      expect.objectContaining({ person: 'Alice', ideas: 2, votes: 0 }),
      expect.objectContaining({ person: 'bob', team: 'sales', ideas: 0, votes: 2 }),
    ]);
    expect(report.period.current).toMatchObject({ authors: 1, voters: 1 });
    expect(report.campaigns[0]).toMatchObject({ name: 'speed', votes: 2, voters: 1 });
    expect(report.review.reviewers).toEqual([
      expect.objectContaining({ reviewer: 'carol', decisions: 1 }),
    ]);
  });
});

describe('list --author finds a person whatever the case of their name', () => {
  // Found by review: `--author Alice` listed nothing of alice's.
  it('--author Alice lists the ideas of alice and of Alice', async () => {
    const root = makeRepo({
      'ideas.config.yaml': CONFIG,
      'ideas/ship1-overnight-shipping.md': ideaText('ship1', 'Overnight shipping', ['alice']),
      'ideas/chat2-live-chat.md': ideaText('chat2', 'Live chat', ['Alice']),
      'ideas/wrap3-gift-wrap.md': ideaText('wrap3', 'Gift wrap', ['carol']),
    });
    const listed = await runCli(['list', '--author', 'ALICE', '--format', 'json'], { cwd: root });
    expect(listed.code, listed.stderr).toBe(0);
    const ids = (JSON.parse(listed.stdout) as { id: string }[]).map((i) => i.id).sort();
    expect(ids).toEqual(['chat2', 'ship1']);
  });
});

describe('a decision signed "Carol" is the reviewer carol', () => {
  // decision/reviewer and decision/quorum compared signatures with case, so validate refused a
  // decision signed "Carol" ("is not a reviewer", "has 0") that policy/decision-reviewer accepts.
  // Both now compare handles without case (quorum through the policy's signingReviewers).
  it('validate accepts it, as check policy does', async () => {
    const root = makeRepo({
      'ideas.config.yaml': CONFIG,
      'ideas/ship1-overnight-shipping.md': ideaText('ship1', 'Overnight shipping', ['alice']),
      'decisions/ship1/2026-11-12-reviewing.md': decisionText('ship1', 'reviewing', '2026-11-12', [
        'Carol',
      ]),
    });
    const validated = await validate(root);
    expect(rulesOf(validated)).not.toContain('decision/reviewer');
    expect(rulesOf(validated)).not.toContain('decision/quorum');
  });
});

/** decision/score against the configured scorecard, and without one. */
import { describe, expect, it } from 'vitest';
import { CONFIG, TREE } from './helpers/authoring.js';
import { runCli } from './helpers/cli.js';
import { makeRepo } from './helpers/repo.js';

const decision = (scores: string) =>
  `---\nidea: ship01\nstatus: reviewing\ndate: 2026-11-20\nreviewers: [carol]\nscores: ${scores}\n---\n`;

async function scoreProblems(config: string, scores: string): Promise<string[]> {
  const root = makeRepo({
    ...TREE,
    'ideas.config.yaml': config,
    'decisions/ship01/2026-11-20-reviewing.md': decision(scores),
  });
  const result = await runCli(['validate', '--format', 'json'], {
    cwd: root,
    env: { IDEAS_TODAY: '2026-11-24' },
  });
  const { problems } = JSON.parse(result.stdout) as {
    problems: { rule: string; message: string }[];
  };
  return problems.filter((p) => p.rule === 'decision/score').map((p) => p.message);
}

describe('decision/score', () => {
  const WITHOUT = CONFIG.replace(
    'review: {criteria: [impact, feasibility], quorum: 1}',
    'review: {quorum: 1}',
  );

  it('with criteria configured: an unknown criterion and a score off the scale are errors', async () => {
    expect(await scoreProblems(CONFIG, '{impact: 9, ghost: 1, feasibility: 3}')).toEqual([
      'the score 9 for impact is outside its scale of 1 to 5',
      '"ghost" is not a review criterion: use one of impact, feasibility',
    ]);
  });

  it('with no criteria configured, scores are not judged (a removed scorecard leaves old decisions valid)', async () => {
    expect(WITHOUT).not.toContain('criteria');
    expect(await scoreProblems(WITHOUT, '{impact: 9, ghost: 1}')).toEqual([]);
  });
});

/**
 * Config warnings and `check`: the base's own warnings are not the pull request's (validate
 * shows them); a branch that changes the config answers for what it brings.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { BASE_TREE, CONFIG, branchAs, makeForge, voteText } from './helpers/forge.js';

const TYPO = `${CONFIG}ranking: {modle: rice}\n`;

async function checkRules(root: string): Promise<{ code: number; rules: string[] }> {
  const result = await runCli(
    ['check', '--base', 'origin/main', '--actor', 'erin', '--format', 'json'],
    { cwd: root, env: { GITHUB_ACTOR: undefined, IDEAS_TODAY: '2026-11-24' } },
  );
  const { problems } = JSON.parse(result.stdout) as { problems: { rule: string }[] };
  return { code: result.code, rules: problems.map((p) => p.rule) };
}

describe('check and the warnings of the config', () => {
  it("a base config's warning is not blamed on a pull request that leaves the config alone; validate shows it", async () => {
    const forge = makeForge({ ...BASE_TREE, 'ideas.config.yaml': TYPO });
    branchAs(forge, 'erin', 'vote', { 'votes/chat22/erin.md': voteText('chat22', 'erin') });
    expect(await checkRules(forge.root)).toEqual({ code: 0, rules: [] });
    const validate = await runCli(['validate', '--format', 'json'], {
      cwd: forge.root,
      env: { IDEAS_TODAY: '2026-11-24' },
    });
    expect(validate.code).toBe(0);
    const { problems } = JSON.parse(validate.stdout) as {
      problems: { rule: string; severity: string }[];
    };
    expect(problems.map((p) => `${p.rule} ${p.severity}`)).toEqual(['config/invalid warning']);
  });

  it('a branch that brings the typo into the config is shown it', async () => {
    const forge = makeForge();
    branchAs(forge, 'carol', 'config', { 'ideas.config.yaml': TYPO });
    const { rules } = await checkRules(forge.root);
    expect(rules).toContain('config/invalid');
  });
});

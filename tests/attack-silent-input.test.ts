/**
 * Attacks by silence: input that is wrong but produces no word. An estimate name no model
 * reads (a typo, or `__proto__`) was dropped by the schema without a warning, so a RICE score
 * went missing with nothing to say why; unknown top-level fields were warned, nested ones not.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { ideaText } from './helpers/forge.js';
import { makeRepo } from './helpers/repo.js';

describe('unknown estimate names are warned, with file, line and column', () => {
  it('validate names reech and __proto__ under estimates', async () => {
    const idea = ideaText('ship1', 'Overnight shipping', ['alice']).replace(
      'created: 2026-11-01\n',
      'created: 2026-11-01\nestimates:\n  reach: 10\n  reech: 4000\n  __proto__: 3\n',
    );
    const root = makeRepo({
      'ideas.config.yaml': 'version: 1\nreviewers: [carol]\n',
      'ideas/ship1-overnight-shipping.md': idea,
    });
    const result = await runCli(['validate', '--format', 'json'], { cwd: root });
    const { problems } = JSON.parse(result.stdout) as {
      problems: { rule: string; file: string; line: number; column: number; message: string }[];
    };
    const unknown = problems.filter((p) => p.rule === 'field/unknown');
    expect(unknown.map((p) => [p.line, p.column])).toEqual([
      [8, 3],
      [9, 3],
    ]);
    expect(unknown[0]?.message).toMatch(/"estimates\.reech".*reach/);
    expect(unknown[1]?.message).toMatch(/"estimates\.__proto__"/);
    expect(result.code).toBe(0);
  });
});

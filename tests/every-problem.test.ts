/** Every problem at once: a broken field does not hide the other rules that can still run. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/parse/config.js';
import { buildRepository } from '../src/read/build-repository.js';
import { validateRepository } from '../src/validate/validate.js';
import { builtInTemplate } from '../src/read/repository.js';
import { runCli } from './helpers/cli.js';
import { makeRepo } from './helpers/repo.js';

const CONFIG = 'version: 1\nteams:\n  sales: {}\n  ops: {}\n';
const BODY = '## Problem\nSlow.\n\n## Proposal\nFaster.\n\n## Evidence\nTickets.\n';

function problemsOf(files: Record<string, string>): string[] {
  const config = parseConfig(CONFIG).config;
  if (!config) throw new Error('config');
  const repo = buildRepository(
    {
      files: Object.entries(files).map(([path, text]) => ({ path, text })),
      problems: [],
      configText: CONFIG,
      templateText: builtInTemplate(),
    },
    config,
  );
  return validateRepository(repo, { today: '2026-11-24' }).map(
    (p) => `${p.file}:${p.line} ${p.rule}`,
  );
}

const GOOD_IDEA = `---\nid: abc1\ntitle: Good\nauthors: [alice]\nteam: sales\ncreated: 2026-11-01\n---\n${BODY}`;

describe('every problem at once', () => {
  it('an idea with an impossible date, an unknown team and no sections: all reported', () => {
    const problems = problemsOf({
      'ideas/bad1-bad.md':
        '---\nid: bad1\ntitle: Bad\nauthors: [alice]\nteam: legal\ncreated: 2026-13-01\n---\nNo sections.\n',
    });
    expect(problems).toEqual([
      'ideas/bad1-bad.md:5 idea/unknown-team',
      'ideas/bad1-bad.md:6 field/invalid',
      'ideas/bad1-bad.md:8 idea/missing-section',
      'ideas/bad1-bad.md:8 idea/missing-section',
      'ideas/bad1-bad.md:8 idea/missing-section',
    ]);
  });

  it('a vote missing its date still gets vote/duplicate and vote/file-name', () => {
    const problems = problemsOf({
      'ideas/abc1-good.md': GOOD_IDEA,
      'votes/abc1/carol.md': '---\nidea: abc1\nvoter: carol\ndate: 2026-11-02\n---\n',
      'votes/abc1/karol.md': '---\nidea: abc1\nvoter: carol\n---\n',
    });
    expect(problems).toEqual([
      'votes/abc1/karol.md:2 field/required',
      'votes/abc1/karol.md:3 vote/duplicate',
      'votes/abc1/karol.md:3 vote/file-name',
    ]);
  });

  it('votes for an idea with a broken field are not votes for an unknown idea', () => {
    const problems = problemsOf({
      'ideas/abc1-good.md': GOOD_IDEA.replace('created: 2026-11-01', 'created: soon'),
      'votes/abc1/carol.md': '---\nidea: abc1\nvoter: carol\ndate: 2026-11-02\n---\n',
    });
    expect(problems).toEqual(['ideas/abc1-good.md:6 field/invalid']);
  });

  it('a broken field is reported once, not again by the rule that reads it', () => {
    const problems = problemsOf({
      'ideas/abc1-good.md': GOOD_IDEA,
      'votes/abc1/carol.md': '---\nidea: abc1\nvoter: carol\ndate: 2026-11-02\npoints: lots\n---\n',
    });
    expect(problems).toEqual(['votes/abc1/carol.md:5 field/invalid']);
  });

  it('a record whose name is broken (no id) reports the field alone', () => {
    expect(
      problemsOf({ 'ideas/abc1-good.md': GOOD_IDEA.replace('id: abc1\n', 'id: 12\n') }),
    ).toEqual(['ideas/abc1-good.md:2 field/invalid']);
  });

  it('ranking never sees a record with broken fields', async () => {
    const root = makeRepo({
      'ideas.config.yaml': CONFIG,
      'ideas/abc1-good.md': GOOD_IDEA,
      'ideas/bad1-bad.md': GOOD_IDEA.replace('id: abc1', 'id: bad1').replace(
        'created: 2026-11-01',
        'created: 2026-13-01',
      ),
    });
    const rank = await runCli(['rank', '--format', 'json'], { cwd: root });
    expect(rank.stdout).toContain('abc1');
    expect(rank.stdout).not.toContain('bad1');
  });
});
